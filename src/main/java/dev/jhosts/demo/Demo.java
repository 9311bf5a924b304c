package dev.jhosts.demo;

import dev.jhosts.cli.DemoPicker;

/**
 * {@code jhosts demo}'s entry point, found by name from the command line ({@code
 * cli.DemoCommand}) in a class loader of the demo's own: starts the demo's servers, opens the
 * picker on them and removes everything when the picker ends, or when the process is told to end
 * (SIGTERM, SIGHUP, SIGINT: a shutdown hook).
 */
public final class Demo {
    private Demo() {}

    /** Runs the demo; returns the picker's exit status. */
    public static int run(DemoPicker picker) throws Exception {
        DemoWorld world = DemoWorld.start();
        try {
            return picker.open(world.setup());
        } finally {
            world.close();
            System.err.println("jhosts demo: ended; its servers and masters are gone, " + world.root() + " removed");
        }
    }
}
