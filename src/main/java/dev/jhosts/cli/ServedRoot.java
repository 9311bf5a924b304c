package dev.jhosts.cli;

import picocli.CommandLine.Command;

/**
 * The root of a command line the server runs for a client ({@link ServedCli}): {@code jhosts}
 * with the one subcommand the words name added to it, not all of them: picocli builds its model
 * of a command by reflection for every line, and the server would otherwise build that of
 * every subcommand for each (README, CommandBench).
 */
@Command(name = "jhosts", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class)
final class ServedRoot extends CommandRoot {
    ServedRoot(CommandGround ground) {
        super(ground);
    }
}
