package dev.jhosts.terminal;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * This process's handlers of signals (SIGINT, SIGWINCH, SIGCONT, SIGHUP), through the JDK's
 * {@code sun.misc.Signal} itself. JLine's {@code Signals} does the same by reflection, through a
 * dynamic proxy, and logs through {@code java.util.logging}, whose first use looks for a logger
 * finder with {@code ServiceLoader}: that opens every jar on the class path, the largest part of
 * a thin client's start.
 */
public final class ProcessSignals {
    private ProcessSignals() {}

    /** A handler in place until {@link #close}, which puts back the one it replaced. */
    public static final class Handling implements AutoCloseable {
        private final Signal signal;
        private final SignalHandler previous;

        private Handling(Signal signal, SignalHandler previous) {
            this.signal = signal;
            this.previous = previous;
        }

        @Override
        public void close() {
            if (signal != null) {
                try {
                    Signal.handle(signal, previous);
                } catch (IllegalArgumentException gone) {
                    // the JVM shuts down and takes its handlers with it
                }
            }
        }
    }

    /**
     * Runs {@code action} on a thread of the JVM's each time the signal {@code name} (without
     * "SIG") arrives. A signal the JVM keeps for itself, or one this process was started with
     * ignored (SIGINT of a background job), stays as it is: the handling then does nothing.
     */
    public static Handling handle(String name, Runnable action) {
        Signal signal = new Signal(name);
        try {
            return new Handling(signal, Signal.handle(signal, new Action(action)));
        } catch (IllegalArgumentException kept) {
            return new Handling(null, null);
        }
    }

    /** A class, not a lambda: the first lambda of a run costs the JVM a few milliseconds. */
    private static final class Action implements SignalHandler {
        private final Runnable action;

        Action(Runnable action) {
            this.action = action;
        }

        @Override
        public void handle(Signal signal) {
            try {
                action.run();
            } catch (RuntimeException ignored) {
                // a handler's failure must not end the JVM's dispatch thread with a trace on the terminal
            }
        }
    }
}
