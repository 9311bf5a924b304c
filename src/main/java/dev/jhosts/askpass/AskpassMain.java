package dev.jhosts.askpass;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * jhosts' SSH_ASKPASS helper: ssh runs it with the prompt as its argument; it asks the running
 * picker over the private socket named in its environment (with this launch's token, also from
 * the environment, never from a command line), prints the answer on standard output and exits 0,
 * or exits 1 when the user cancelled (ssh then gives up). It uses only the JDK, so that it starts
 * quickly.
 *
 * <p>A master that confirms each use (ControlMaster ask/autoask) runs this helper long after its
 * launch. When the picker that launched it has quit, there is no socket to reach: the helper
 * then runs the user's own SSH_ASKPASS if jhosts was started where ssh would have used it
 * ({@value #FALLBACK}, set by the picker), without jhosts' variables in its environment, and
 * passes on its answer and exit status; with none, it exits 1, which ssh takes as "no".
 */
public final class AskpassMain {
    static final String SOCKET = "JHOSTS_ASKPASS_SOCKET";
    static final String TOKEN = "JHOSTS_ASKPASS_TOKEN";
    static final String FALLBACK = "JHOSTS_ASKPASS_FALLBACK";

    private AskpassMain() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        String socket = System.getenv(SOCKET);
        String token = System.getenv(TOKEN);
        if (socket == null || token == null) {
            System.err.println("jhosts-askpass: run by ssh for jhosts only (no " + SOCKET + " in the environment)");
            return 2;
        }
        String prompt = args.length > 0 ? args[0] : "";
        String kind = System.getenv().getOrDefault("SSH_ASKPASS_PROMPT", "");
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            try {
                channel.connect(UnixDomainSocketAddress.of(Path.of(socket)));
            } catch (IOException gone) {
                return withoutPicker(prompt, gone);
            }
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel));
            DataInputStream in = new DataInputStream(Channels.newInputStream(channel));
            out.writeInt(AskpassWire.VERSION);
            AskpassWire.writeString(out, token);
            AskpassWire.writeString(out, prompt);
            AskpassWire.writeString(out, kind);
            out.flush();
            int status = in.readUnsignedByte();
            if (status != AskpassWire.ANSWER) {
                return 1;
            }
            byte[] answer = AskpassWire.readBytes(in);
            try {
                OutputStream stdout = System.out;
                stdout.write(answer);
                stdout.write('\n');
                stdout.flush();
            } finally {
                Arrays.fill(answer, (byte) 0);
            }
            return 0;
        } catch (IOException e) {
            System.err.println("jhosts-askpass: cannot reach jhosts: " + e.getMessage());
            return 1;
        }
    }

    /** The picker is not there: the user's own askpass where ssh would have run it, else "no". */
    private static int withoutPicker(String prompt, IOException why) {
        String fallback = System.getenv(FALLBACK);
        if (fallback == null || fallback.isEmpty()) {
            System.err.println("jhosts-askpass: jhosts is not running (" + why.getMessage() + "): refused");
            return 1;
        }
        ProcessBuilder own = new ProcessBuilder(fallback, prompt).inheritIO();
        Map<String, String> environment = own.environment();
        // this master's token and socket are for jhosts only; the user's program sees what ssh would give it
        environment.remove(SOCKET);
        environment.remove(TOKEN);
        environment.remove(FALLBACK);
        environment.remove("SSH_ASKPASS_REQUIRE");
        environment.put("SSH_ASKPASS", fallback);
        try {
            return own.start().waitFor();
        } catch (IOException e) {
            System.err.println("jhosts-askpass: cannot run " + fallback + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
