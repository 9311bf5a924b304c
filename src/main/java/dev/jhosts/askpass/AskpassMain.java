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

/**
 * jhosts' SSH_ASKPASS helper: ssh runs it with the prompt as its argument; it asks the running
 * picker over the private socket named in its environment (with this launch's token, also from
 * the environment, never from a command line), prints the answer on standard output and exits 0,
 * or exits 1 when the user cancelled (ssh then gives up). It uses only the JDK, so that it starts
 * quickly.
 */
public final class AskpassMain {
    static final String SOCKET = "JHOSTS_ASKPASS_SOCKET";
    static final String TOKEN = "JHOSTS_ASKPASS_TOKEN";

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
            channel.connect(UnixDomainSocketAddress.of(Path.of(socket)));
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
}
