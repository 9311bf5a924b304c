package dev.jhosts.cli;

import picocli.CommandLine.Command;

/**
 * The root of a command line the server runs for a client ({@link ServedCli}): {@code jhosts}
 * with the one subcommand the words name added to it, not all of them. Picocli builds its model
 * of a command by reflection for every line; the root with every subcommand costs the server
 * 10–16 ms a command, one subcommand a fraction of it.
 */
@Command(name = "jhosts", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class)
final class ServedRoot extends CommandRoot {
    ServedRoot(CommandGround ground) {
        super(ground);
    }
}
