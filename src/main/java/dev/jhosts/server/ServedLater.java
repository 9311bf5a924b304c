package dev.jhosts.server;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The {@link Served} of a server that listens before its runtime is made, so that a cold
 * start's first client opens its terminal meanwhile: a client's thread waits here only for what
 * needs the runtime. Made once, or failed once (then each waiter is told why).
 */
final class ServedLater {
    private final CompletableFuture<Served> served = new CompletableFuture<>();

    void arrived(Served made) {
        served.complete(made);
    }

    void failed(Exception why) {
        served.completeExceptionally(why);
    }

    /** The runtime's, once made; a server that could not make it says so ({@link NotMade}). */
    Served await() {
        try {
            return served.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new NotMade("the jhosts server could not start: " + cause.getMessage(), cause);
        }
    }

    /** The runtime could not be made: the client waiting is told why, in one line. */
    static final class NotMade extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        NotMade(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The runtime's if made already. */
    Optional<Served> ifArrived() {
        return served.isDone() && !served.isCompletedExceptionally() ? Optional.of(served.join()) : Optional.empty();
    }
}
