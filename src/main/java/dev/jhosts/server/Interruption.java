package dev.jhosts.server;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C at a served command's client, or the client gone: the command's handler runs once,
 * also when it is registered after the fact.
 */
final class Interruption {
    private final AtomicBoolean happened = new AtomicBoolean();
    private Runnable handler = () -> { };
    private boolean handled;

    /** The client said {@link ToServer.Interrupted}, or went away. */
    void happen() {
        happened.set(true);
        runOnce();
    }

    AutoCloseable handle(Runnable action) {
        synchronized (this) {
            handler = action;
            handled = false;
        }
        if (happened.get()) {
            runOnce();
        }
        return () -> {
            synchronized (this) {
                handler = () -> { };
            }
        };
    }

    private void runOnce() {
        Runnable action;
        synchronized (this) {
            if (handled) {
                return;
            }
            handled = true;
            action = handler;
        }
        action.run();
    }
}
