package dev.jhosts.server;

/** The server's {@link ServedCommands} before its runtime is made: a command waits for them ({@link ServedLater}). */
final class ArrivingCommands implements ServedCommands {
    private final ServedLater later;

    ArrivingCommands(ServedLater later) {
        this.later = later;
    }

    @Override
    public Outcome run(ServedCall call) {
        return later.await().commands().run(call);
    }
}
