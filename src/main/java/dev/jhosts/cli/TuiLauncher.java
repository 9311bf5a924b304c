package dev.jhosts.cli;

/** Starts the full-screen host picker. */
final class TuiLauncher {
    private TuiLauncher() {}

    static int run(Context context) {
        System.err.println("jhosts: the full-screen picker is not built yet; see 'jhosts --help'");
        return ExitCodes.FAILURE;
    }
}
