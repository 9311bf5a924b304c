package dev.jhosts.files;

import dev.jhosts.mux.MuxClient;
import dev.jhosts.mux.MuxException;
import dev.jhosts.mux.PipedSession;
import dev.jhosts.mux.SessionRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * SFTP sessions through a master: MUX_C_NEW_SESSION with the subsystem flag and "sftp" as its
 * command, on socket pairs of this process (no pty, no ssh process), then {@link SftpClient}
 * over the session's stdout and stdin. Servers that allow only SFTP ({@code ForceCommand
 * internal-sftp}, chrooted or not) serve it as any other.
 */
public final class SftpSessions {
    private static final SessionRequest SFTP = new SessionRequest(false, "", "sftp", List.of(),
            SessionRequest.NO_ESCAPE, true);

    private SftpSessions() {}

    /** A new SFTP session on the master at {@code socket}; {@code timeout} bounds the mux exchange. */
    public static SftpClient open(Path socket, Duration timeout) throws IOException {
        PipedSession session;
        try {
            session = MuxClient.connect(socket, timeout).openPipedSession(SFTP);
        } catch (MuxException.Failure refused) {
            throw new SftpException(SftpStatus.NO_CONNECTION, "the server refused the SFTP subsystem: "
                    + refused.reason(), refused);
        } catch (MuxException e) {
            throw new SftpException(SftpStatus.NO_CONNECTION, "no SFTP session: " + e.getMessage(), e);
        }
        try {
            drain(session.errors());
            return SftpClient.start(session.output(), session.input(), session.inputChannel(), session);
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** The subsystem's stderr, read and dropped, so that it never fills and stalls the channel. */
    private static void drain(InputStream errors) {
        Thread thread = new Thread(null, () -> {
            byte[] buffer = new byte[4096];
            try {
                while (errors.read(buffer) >= 0) {
                    // sftp-server writes to stderr only with -e; nothing here needs it
                }
            } catch (IOException closed) {
                // the session ended
            }
        }, "jhosts-sftp-stderr", 64 * 1024);
        thread.setDaemon(true);
        thread.start();
    }
}
