package dev.jhosts.cli;

import dev.jhosts.config.SettingsException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The settings read ({@link Context#load}) on a thread of their own, while the caller does what
 * needs none of them: a server takes its place (its directory, its build's identity, its
 * launcher) meanwhile, which was otherwise a cold start's wait between the settings and the
 * runtime its first frame is drawn from.
 */
final class ContextReading {
    private final FutureTask<Context> reading;

    private ContextReading(FutureTask<Context> reading) {
        this.reading = reading;
    }

    static ContextReading start(GlobalOptions global) {
        FutureTask<Context> reading = new FutureTask<>(new Load(global));
        Thread thread = new Thread(reading, "jhosts-settings");
        thread.setDaemon(true);
        thread.start();
        return new ContextReading(reading);
    }

    /** The context, once read; the error that reading it met, as {@link Context#load} throws it. */
    Context get() throws SettingsException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return reading.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the reading ends on its own: the caller cannot go on without it
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof SettingsException settings) {
                        throw settings;
                    }
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A named class rather than a lambda: the start of a server links as few call sites as it can. */
    private static final class Load implements Callable<Context> {
        private final GlobalOptions global;

        Load(GlobalOptions global) {
            this.global = global;
        }

        @Override
        public Context call() throws SettingsException {
            return Context.load(global);
        }
    }
}
