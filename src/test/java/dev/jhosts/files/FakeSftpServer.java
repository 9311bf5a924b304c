package dev.jhosts.files;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.newsclub.net.unix.AFUNIXSocketChannel;
import org.newsclub.net.unix.AFUNIXSocketPair;

/**
 * A small SFTP v3 server with a scripted file system, on a socket pair, for what OpenSSH's
 * server never does: names with '/', "..", escape sequences; short reads; refused opens;
 * malformed packets. Paths are absolute strings; a directory lists the names given to it, as
 * given (hostile ones included).
 */
final class FakeSftpServer implements AutoCloseable {
    static final int FILE = 0100644;
    static final int DIRECTORY = 040755;
    static final int LINK = 0120777;

    private final Map<String, byte[]> files = new HashMap<>();
    private final Map<String, List<String>> directories = new HashMap<>();
    private final Map<String, Integer> refusedOpens = new HashMap<>();
    private final Map<String, String> links = new HashMap<>();
    private final Map<Integer, String> handles = new HashMap<>();
    private final Map<Integer, Boolean> listed = new HashMap<>();
    private int maxRead = Integer.MAX_VALUE;
    private int nextHandle;
    private final AFUNIXSocketChannel clientEnd;
    private final AFUNIXSocketChannel serverEnd;
    private Thread thread;
    /** Extra bytes sent as the reply to the first READDIR, instead of the listing (malformed-packet tests). */
    private byte[] rawListingReply;

    FakeSftpServer() throws IOException {
        AFUNIXSocketPair<AFUNIXSocketChannel> pair = AFUNIXSocketPair.open();
        clientEnd = pair.getSocket1();
        serverEnd = pair.getSocket2();
    }

    FakeSftpServer file(String path, byte[] content) {
        files.put(path, content);
        return this;
    }

    /** A directory listing exactly {@code names} (plus "." and ".."); each name is looked up as {@code path/name}. */
    FakeSftpServer directory(String path, String... names) {
        directories.put(path, List.of(names));
        return this;
    }

    /** A symbolic link at {@code path} to {@code target}. */
    FakeSftpServer link(String path, String target) {
        links.put(path, target);
        return this;
    }

    /** Opening {@code path} answers this status code. */
    FakeSftpServer refuseOpen(String path, int status) {
        refusedOpens.put(path, status);
        return this;
    }

    FakeSftpServer maxRead(int bytes) {
        maxRead = bytes;
        return this;
    }

    FakeSftpServer rawListingReply(byte[] packet) {
        rawListingReply = packet;
        return this;
    }

    /** Starts serving; the client speaks over the returned streams' owner. */
    SftpClient connect() throws IOException {
        InputStream in = serverEnd.socket().getInputStream();
        OutputStream out = serverEnd.socket().getOutputStream();
        thread = new Thread(() -> serve(new DataInputStream(in), new DataOutputStream(out)), "fake-sftp");
        thread.setDaemon(true);
        thread.start();
        return SftpClient.start(clientEnd.socket().getInputStream(), clientEnd.socket().getOutputStream(),
                clientEnd::close);
    }

    private void serve(DataInputStream in, DataOutputStream out) {
        try {
            while (true) {
                int length = in.readInt();
                byte[] body = in.readNBytes(length);
                Fields request = new Fields(body);
                int type = request.u8();
                if (type == SftpMessages.SSH_FXP_INIT) {
                    send(out, new Reply(SftpMessages.SSH_FXP_VERSION).u32(3));
                    continue;
                }
                int id = request.u32();
                send(out, answer(type, id, request));
            }
        } catch (IOException ended) {
            // the client closed
        }
    }

    private Reply answer(int type, int id, Fields request) throws IOException {
        switch (type) {
            case SftpMessages.SSH_FXP_STAT, SftpMessages.SSH_FXP_LSTAT -> {
                String path = request.string();
                if (files.containsKey(path)) {
                    return new Reply(SftpMessages.SSH_FXP_ATTRS).u32(id).attrs(FILE, files.get(path).length);
                }
                if (directories.containsKey(path)) {
                    return new Reply(SftpMessages.SSH_FXP_ATTRS).u32(id).attrs(DIRECTORY, 0);
                }
                return status(id, 2);
            }
            case SftpMessages.SSH_FXP_REALPATH -> {
                String path = request.string();
                return new Reply(SftpMessages.SSH_FXP_NAME).u32(id).u32(1).string(path).string(path).u32(0);
            }
            case SftpMessages.SSH_FXP_READLINK -> {
                String path = request.string();
                if (!links.containsKey(path)) {
                    return status(id, 2);
                }
                return new Reply(SftpMessages.SSH_FXP_NAME).u32(id).u32(1).string(links.get(path)).string("").u32(0);
            }
            case SftpMessages.SSH_FXP_OPENDIR -> {
                String path = request.string();
                if (!directories.containsKey(path)) {
                    return status(id, 2);
                }
                return handle(id, path);
            }
            case SftpMessages.SSH_FXP_READDIR -> {
                int handle = handleOf(request);
                if (listed.put(handle, true) != null) {
                    return status(id, 1);
                }
                if (rawListingReply != null) {
                    Reply raw = new Reply(SftpMessages.SSH_FXP_NAME).u32(id);
                    raw.bytes.write(rawListingReply);
                    return raw;
                }
                String path = handles.get(handle);
                List<String> names = new ArrayList<>(List.of(".", ".."));
                names.addAll(directories.get(path));
                Reply reply = new Reply(SftpMessages.SSH_FXP_NAME).u32(id).u32(names.size());
                for (String listed : names) {
                    // "L name", "F name", "D name": that type for this line of the listing, whatever else has the name
                    char forced = listed.length() > 2 && listed.charAt(1) == ' ' ? listed.charAt(0) : 0;
                    String name = forced != 0 ? listed.substring(2) : listed;
                    String full = path + "/" + name;
                    boolean directory = forced == 'D' || forced == 0 && (name.equals(".") || name.equals("..")
                            || directories.containsKey(full));
                    boolean link = forced == 'L' || forced == 0 && links.containsKey(full);
                    byte[] content = files.getOrDefault(full, new byte[0]);
                    reply.string(name).string("-rw-r--r-- 1 x x " + name).attrs(link ? LINK : directory ? DIRECTORY : FILE,
                            content.length);
                }
                return reply;
            }
            case SftpMessages.SSH_FXP_OPEN -> {
                String path = request.string();
                if (refusedOpens.containsKey(path)) {
                    return status(id, refusedOpens.get(path));
                }
                if (!files.containsKey(path)) {
                    return status(id, 2);
                }
                return handle(id, path);
            }
            case SftpMessages.SSH_FXP_READ -> {
                byte[] content = files.get(handles.get(handleOf(request)));
                long offset = request.u64();
                int length = Math.min(request.u32(), maxRead);
                if (offset >= content.length) {
                    return status(id, 1);
                }
                int count = (int) Math.min(length, content.length - offset);
                Reply reply = new Reply(SftpMessages.SSH_FXP_DATA).u32(id).u32(count);
                reply.bytes.write(content, (int) offset, count);
                return reply;
            }
            case SftpMessages.SSH_FXP_CLOSE -> {
                handles.remove(handleOf(request));
                return status(id, 0);
            }
            default -> {
                return status(id, 8);
            }
        }
    }

    private Reply handle(int id, String path) {
        int handle = nextHandle++;
        handles.put(handle, path);
        return new Reply(SftpMessages.SSH_FXP_HANDLE).u32(id).u32(4).u32(handle);
    }

    private static int handleOf(Fields request) throws IOException {
        request.u32();
        return request.u32();
    }

    private static Reply status(int id, int code) {
        return new Reply(SftpMessages.SSH_FXP_STATUS).u32(id).u32(code).string("").string("");
    }

    private static synchronized void send(DataOutputStream out, Reply reply) throws IOException {
        byte[] body = reply.bytes.toByteArray();
        out.writeInt(body.length);
        out.write(body);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        serverEnd.close();
        clientEnd.close();
    }

    private static final class Reply {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Reply(int type) {
            bytes.write(type);
        }

        Reply u32(int value) {
            bytes.write(value >>> 24);
            bytes.write(value >>> 16);
            bytes.write(value >>> 8);
            bytes.write(value);
            return this;
        }

        Reply string(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            u32(utf8.length);
            bytes.writeBytes(utf8);
            return this;
        }

        Reply attrs(int permissions, long size) {
            u32(SftpMessages.SSH_FILEXFER_ATTR_SIZE | SftpMessages.SSH_FILEXFER_ATTR_PERMISSIONS);
            u32((int) (size >>> 32));
            u32((int) size);
            return u32(permissions);
        }
    }

    private static final class Fields {
        private final DataInputStream in;

        Fields(byte[] body) {
            in = new DataInputStream(new java.io.ByteArrayInputStream(body));
        }

        int u8() throws IOException {
            return in.readUnsignedByte();
        }

        int u32() throws IOException {
            return in.readInt();
        }

        long u64() throws IOException {
            return in.readLong();
        }

        String string() throws IOException {
            return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
        }
    }
}
