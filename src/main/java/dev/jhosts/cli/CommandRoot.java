package dev.jhosts.cli;

import picocli.CommandLine.Mixin;

/** The root of a command line: its global options, and where its subcommands run. */
abstract class CommandRoot {
    @Mixin
    GlobalOptions global = new GlobalOptions();

    private final CommandGround ground;

    CommandRoot(CommandGround ground) {
        this.ground = ground;
    }

    GlobalOptions global() {
        return global;
    }

    CommandGround ground() {
        return ground;
    }
}
