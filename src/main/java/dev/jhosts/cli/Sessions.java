package dev.jhosts.cli;

import dev.jhosts.master.ControlPath;
import dev.jhosts.master.LiveMaster;
import dev.jhosts.mux.MuxClient;
import dev.jhosts.mux.MuxSession;
import dev.jhosts.mux.SessionRequest;
import java.io.FileDescriptor;
import java.util.List;

/** Runs {@code connect}'s session: through the master, or ssh on the terminal as the fallback. */
final class Sessions {
    private Sessions() {}

    static int direct(Context context, LiveMaster master, String command) throws Exception {
        try (MuxClient client = MuxClient.connect(master.socket(), context.settings().aliveCheckTimeout());
             MuxSession session = client.openSession(SessionRequest.command(command),
                     FileDescriptor.in, FileDescriptor.out, FileDescriptor.err)) {
            return session.awaitEnd().status();
        }
    }

    static int fallback(Context context, String host, ControlPath path, List<String> command) {
        throw new UnsupportedOperationException("fallback not wired yet");
    }
}
