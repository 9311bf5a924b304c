package dev.jhosts.demo;

import dev.jhosts.cli.DemoPicker;
import java.nio.file.Path;

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
            System.err.println(endLine(world.root(), ProcFs.isTerminal(2)));
        }
    }

    /**
     * The demo's last line. The picker may give the terminal back with the cursor on lines that
     * still hold older text (a session's last lines); on a terminal the line starts with CR and
     * ED (CSI J: erase to the end of the screen), so that neither it nor the shell's next lines
     * end in that text.
     */
    static String endLine(Path root, boolean terminal) {
        return (terminal ? "\r\033[J" : "") + "jhosts demo: ended; its servers and masters are gone, " + root + " removed";
    }
}
