package dev.jhosts.cli;

import dev.jhosts.master.MasterException;
import java.io.IOException;

/**
 * Runs the full-screen host picker in this process, on its own terminal: a jhosts server in the
 * foreground with one picker ({@code jhosts server run --foreground}, the demo). Its sessions end
 * with it.
 */
final class TuiLauncher {
    private TuiLauncher() {}

    static int run(Context context) {
        try (PickerRuntime runtime = PickerRuntime.open(context, false)) {
            return runtime.app().run();
        } catch (MasterException | IOException e) {
            String next = System.console() == null ? "; 'jhosts list' and 'jhosts connect HOST' work without one" : "";
            System.err.println(Messages.line(e.getMessage() + next));
            return ExitCodes.FAILURE;
        }
    }
}
