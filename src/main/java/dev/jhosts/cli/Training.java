package dev.jhosts.cli;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * The build's training run for the class-data-sharing archive: exercises the start-up paths
 * (command line parsing, settings, the catalogue) so that their classes are archived. Not part of
 * the jhosts command.
 */
final class Training {
    private Training() {}

    public static void main(String[] args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(discard);
        System.setErr(discard);
        try {
            Main.run("--help");
            Main.run("--version");
            Main.run("master", "--help");
            if (args.length > 0) {
                Main.run("-F", args[0], "list");
                Main.run("-F", args[0], "list", "--json");
            }
            dev.jhosts.tui.Rehearsal.run();
        } catch (java.io.IOException e) {
            err.println("training: the picker's rehearsal failed: " + e);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
