package dev.jhosts.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * A control socket that speaks just enough of the mux protocol (MUX_MSG_HELLO, MUX_C_ALIVE_CHECK)
 * to claim any pid: a liar, to show that a socket's answer alone is never trusted.
 */
public final class FakeMuxMaster implements AutoCloseable {
    private final AFUNIXServerSocket server;
    private final long claimedPid;

    private FakeMuxMaster(AFUNIXServerSocket server, long claimedPid) {
        this.server = server;
        this.claimedPid = claimedPid;
    }

    public static FakeMuxMaster listen(Path socket, long claimedPid) throws IOException {
        AFUNIXServerSocket server = AFUNIXServerSocket.newInstance();
        server.bind(AFUNIXSocketAddress.of(socket));
        FakeMuxMaster fake = new FakeMuxMaster(server, claimedPid);
        Thread acceptor = new Thread(fake::serve, "fake-mux-master");
        acceptor.setDaemon(true);
        acceptor.start();
        return fake;
    }

    private void serve() {
        while (!server.isClosed()) {
            try (AFUNIXSocket client = server.accept()) {
                client.setSoTimeout(5000);
                DataOutputStream out = new DataOutputStream(client.getOutputStream());
                DataInputStream in = new DataInputStream(client.getInputStream());
                out.writeInt(8);
                out.writeInt(0x00000001);
                out.writeInt(4);
                out.flush();
                while (true) {
                    int length = in.readInt();
                    byte[] body = new byte[length];
                    in.readFully(body);
                    int type = ((body[0] & 0xff) << 24) | ((body[1] & 0xff) << 16) | ((body[2] & 0xff) << 8) | (body[3] & 0xff);
                    if (type == 0x10000004) {
                        out.writeInt(12);
                        out.writeInt(0x80000005);
                        out.write(body, 4, 4);
                        out.writeInt((int) claimedPid);
                        out.flush();
                    }
                }
            } catch (IOException endOfClient) {
                // next client
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
