package dev.jhosts.cli;

import picocli.CommandLine.Model.CommandSpec;

/** Reaches the root command's global options, and where the command runs, from a subcommand. */
final class Commands {
    private Commands() {}

    static GlobalOptions global(CommandSpec spec) {
        return ((CommandRoot) spec.root().userObject()).global();
    }

    static CommandGround ground(CommandSpec spec) {
        return ((CommandRoot) spec.root().userObject()).ground();
    }
}
