package dev.jhosts.mux;

import java.util.Optional;

/**
 * A session opened through a master; owns its control connection. Closing that connection
 * makes the master end the session.
 */
public final class MuxSession implements AutoCloseable {
    private final MuxChannel channel;
    private final int sessionId;

    MuxSession(MuxChannel channel, int sessionId) {
        this.channel = channel;
        this.sessionId = sessionId;
    }

    /** The master's channel id for this session, as MUX_S_SESSION_OPENED gave it. */
    public int sessionId() {
        return sessionId;
    }

    /**
     * Blocks, without a read timeout, until MUX_S_EXIT_MESSAGE and then EOF, or EOF alone (status
     * 255); notes MUX_S_TTY_ALLOC_FAIL. When {@link #close} is called from another thread this
     * returns what was seen so far (255 without an exit message).
     */
    public SessionEnd awaitEnd() throws MuxException {
        return awaitEndWith(() -> { });
    }

    /**
     * As {@link #awaitEnd()}, calling {@code onTtyAllocationFailure} (on this thread) when
     * MUX_S_TTY_ALLOC_FAIL arrives: the server refused the pty and the session runs without one,
     * so the user's terminal should get its normal modes back (OpenSSH's mux client leaves raw
     * mode there, mux.c).
     */
    public SessionEnd awaitEndWith(Runnable onTtyAllocationFailure) throws MuxException {
        Integer status = null;
        boolean ttyFailed = false;
        try {
            channel.waitForever();
            for (Optional<byte[]> body; (body = channel.receive("the end of session " + sessionId)).isPresent(); ) {
                MuxReply message = MuxReply.decode(body.get());
                if (message instanceof MuxReply.ExitMessage exit && exit.sessionId() == sessionId) {
                    status = exit.status();
                } else if (message instanceof MuxReply.TtyAllocFail fail && fail.sessionId() == sessionId) {
                    if (!ttyFailed) {
                        ttyFailed = true;
                        onTtyAllocationFailure.run();
                    }
                } else {
                    throw new MuxException.ProtocolError("unexpected message during session " + sessionId + ": " + message);
                }
            }
        } catch (MuxException e) {
            if (!channel.isClosed()) {
                throw e;
            }
            // closed by close(): report what came so far
        }
        channel.close();
        return new SessionEnd(status == null ? SessionEnd.NO_EXIT_STATUS : status, status != null, ttyFailed);
    }

    /** Closes the control connection, which ends the session; unblocks {@link #awaitEnd} in another thread. */
    @Override
    public void close() {
        channel.close();
    }
}
