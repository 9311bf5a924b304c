package dev.jhosts.files;

import static dev.jhosts.files.SftpMessages.*;

import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.newsclub.net.unix.FileDescriptorAccess;

/**
 * An SFTP version 3 client over a stream pair (the subsystem's stdout and stdin), as OpenSSH's
 * sftp-server and internal-sftp serve it. Requests carry ids and may be outstanding together
 * (pipelining: what makes a copy as fast as {@code sftp}'s); one reader thread matches each
 * reply to its request. Every method may be called from any thread.
 *
 * <p>Everything the server sends is checked: a packet over {@link SftpMessages#MAX_PACKET}, a
 * reply to no request, or a field past a packet's end ends the session with {@link
 * SftpStatus#BAD_MESSAGE}.
 */
public final class SftpClient implements AutoCloseable {
    /** Requests in flight per transfer, as OpenSSH's sftp (-R 64). */
    public static final int OUTSTANDING = 64;

    private final InputStream in;
    /** What the reader thread reads {@code in} through (see {@link #channelOf}). */
    private final ReadableByteChannel replies;
    private final OutputStream out;
    /** What every request is written through, after the first: the socket of {@code out} as a channel. */
    private final WritableByteChannel requests;
    private final AutoCloseable transport;
    private final Map<String, byte[]> extensions;
    private final Map<Integer, CompletableFuture<Reply>> pending = new ConcurrentHashMap<>();
    /** Where the data of an outstanding READ goes, by request id: the reader thread writes it there. */
    private final Map<Integer, ReadSink> sinks = new ConcurrentHashMap<>();
    private final Object sendLock = new Object();
    // set once by withLimits(), before the client is handed out
    private int readChunk = DEFAULT_CHUNK;
    private int writeChunk = DEFAULT_CHUNK;
    private int nextId;
    private volatile SftpException lost;
    private final Thread reader;

    /**
     * One reply: its type, and its body after the id. A READ's data that went to its sink (see
     * {@link #read}) is {@code sunk}: then {@code length} is how much, and {@code sinkFailure}
     * what went wrong with it, if anything (the sink's, or data longer than asked).
     */
    record Reply(int type, byte[] body, int offset, int length, boolean sunk, IOException sinkFailure) {
        Reply(int type, byte[] body, int offset, int length) {
            this(type, body, offset, length, false, null);
        }

        static Reply sunk(int length, IOException failure) {
            return new Reply(SSH_FXP_DATA, new byte[0], 0, length, true, failure);
        }

        PacketReader reader() {
            return new PacketReader(body, offset, length);
        }
    }

    /** A READ's destination: at most {@code asked} bytes go to {@code sink}. */
    private record ReadSink(int asked, DataSink sink) {}

    private SftpClient(InputStream in, ReadableByteChannel replies, OutputStream out, WritableByteChannel requests,
            AutoCloseable transport, Map<String, byte[]> extensions) {
        this.requests = requests;
        this.in = in;
        this.replies = replies;
        this.out = out;
        this.transport = transport;
        this.extensions = extensions;
        this.reader = new Thread(null, this::readReplies, "jhosts-sftp-reader", 256 * 1024);
        this.reader.setDaemon(true);
    }

    /**
     * Speaks SSH_FXP_INIT / SSH_FXP_VERSION over {@code in}/{@code out}, then asks for the
     * server's limits when it offers {@code limits@openssh.com}. {@code transport} is closed
     * with the client (the session the streams belong to).
     */
    public static SftpClient start(InputStream in, OutputStream out, AutoCloseable transport) throws IOException {
        return start(in, out, Channels.newChannel(out), transport);
    }

    /**
     * As {@link #start(InputStream, OutputStream, AutoCloseable)}, the requests after the first
     * written through {@code requests}, which writes to the same socket as {@code out}: an
     * upload's data then goes from a direct buffer to the socket without a copy.
     */
    public static SftpClient start(InputStream in, OutputStream out, WritableByteChannel requests,
            AutoCloseable transport) throws IOException {
        out.write(new PacketWriter(SSH_FXP_INIT, 4).u32(3).frame());
        out.flush();
        ReadableByteChannel replies = channelOf(in);
        ByteBuffer buffer = ByteBuffer.allocate(MAX_PACKET);
        int length = readPacket(replies, buffer);
        if (length < 0) {
            throw new SftpException(SftpStatus.CONNECTION_LOST,
                    "the SFTP subsystem closed at once (is sftp enabled on the server? Subsystem sftp in sshd_config)");
        }
        PacketReader fields = new PacketReader(buffer.array(), 0, length);
        if (fields.u8() != SSH_FXP_VERSION) {
            throw PacketReader.bad("the first packet is not SSH_FXP_VERSION (is something printing text on login?)");
        }
        int serverVersion = fields.u32();
        if (serverVersion < 3) {
            throw new SftpException(SftpStatus.OP_UNSUPPORTED, "the SFTP server speaks version " + serverVersion
                    + "; jhosts needs version 3");
        }
        Map<String, byte[]> extensions = new HashMap<>();
        while (fields.position() < length) {
            String name = fields.string();
            extensions.put(name, fields.bytes());
        }
        SftpClient client = new SftpClient(in, replies, out, requests, transport, Map.copyOf(extensions));
        client.reader.start();
        return client.withLimits();
    }

    private SftpClient withLimits() throws IOException {
        if (!extensions.containsKey(LIMITS)) {
            return this;
        }
        Reply reply = await(extended(LIMITS, new PacketWriter(SSH_FXP_EXTENDED, 32)), LIMITS);
        if (reply.type() != SSH_FXP_EXTENDED_REPLY) {
            return this;
        }
        PacketReader fields = reply.reader();
        long maxPacket = fields.u64();
        long maxRead = fields.u64();
        long maxWrite = fields.u64();
        readChunk = chunk(maxRead, maxPacket);
        writeChunk = chunk(maxWrite, maxPacket);
        return this;
    }

    /** A length that fits in a packet the server takes: 0 from the server means "no limit". */
    private static int chunk(long advertised, long maxPacket) {
        long packet = maxPacket <= 0 ? MAX_PACKET : Math.min(maxPacket, MAX_PACKET);
        long room = packet - 1024;
        long value = advertised <= 0 ? room : Math.min(advertised, room);
        return (int) Math.max(DEFAULT_CHUNK, value);
    }

    /** How many bytes one READ asks for. */
    public int readChunk() {
        return readChunk;
    }

    /** How many bytes one WRITE carries. */
    public int writeChunk() {
        return writeChunk;
    }

    public boolean supports(String extension) {
        return extensions.containsKey(extension);
    }

    // ---- requests

    /** SSH_FXP_REALPATH: the canonical absolute form of {@code path} ("." is the login directory). */
    public String realPath(String path) throws IOException {
        return firstName(await(request(SSH_FXP_REALPATH, path), path), path, "REALPATH");
    }

    /** SSH_FXP_STAT: follows symbolic links. */
    public FileAttributes stat(String path) throws IOException {
        return attributes(await(request(SSH_FXP_STAT, path), path), path);
    }

    /** SSH_FXP_LSTAT: a symbolic link's own attributes. */
    public FileAttributes lstat(String path) throws IOException {
        return attributes(await(request(SSH_FXP_LSTAT, path), path), path);
    }

    /** SSH_FXP_SETSTAT. */
    public void setStat(String path, FileAttributes attributes) throws IOException {
        ok(await(setStatRequest(path, attributes), path), path);
    }

    /** SSH_FXP_SETSTAT sent, its status to come. */
    CompletableFuture<Reply> setStatRequest(String path, FileAttributes attributes) throws SftpException {
        int id = nextId();
        return send(id, new PacketWriter(SSH_FXP_SETSTAT, 64).u32(id).string(path).attributes(attributes));
    }

    /** SSH_FXP_MKDIR with {@code attributes} (the permission bits; the server applies its umask). */
    public void mkdir(String path, FileAttributes attributes) throws IOException {
        int id = nextId();
        ok(await(send(id, new PacketWriter(SSH_FXP_MKDIR, 64).u32(id).string(path).attributes(attributes)), path),
                path);
    }

    public void remove(String path) throws IOException {
        ok(await(request(SSH_FXP_REMOVE, path), path), path);
    }

    public void rmdir(String path) throws IOException {
        ok(await(request(SSH_FXP_RMDIR, path), path), path);
    }

    /**
     * Renames {@code from} to {@code to}, replacing {@code to} when it exists: {@code
     * posix-rename@openssh.com} when offered (SSH_FXP_RENAME refuses an existing target).
     */
    public void rename(String from, String to) throws IOException {
        int id = nextId();
        PacketWriter request = supports(POSIX_RENAME)
                ? new PacketWriter(SSH_FXP_EXTENDED, 64).u32(id).string(POSIX_RENAME).string(from).string(to)
                : new PacketWriter(SSH_FXP_RENAME, 64).u32(id).string(from).string(to);
        ok(await(send(id, request), from), from);
    }

    public String readLink(String path) throws IOException {
        return firstName(await(request(SSH_FXP_READLINK, path), path), path, "READLINK");
    }

    /**
     * Makes {@code link} a symbolic link to {@code target}. OpenSSH's server takes the two
     * paths of SSH_FXP_SYMLINK in the reverse of the draft's order (target first), and so does
     * every client that talks to it.
     */
    public void symlink(String target, String link) throws IOException {
        int id = nextId();
        ok(await(send(id, new PacketWriter(SSH_FXP_SYMLINK, 64).u32(id).string(target).string(link)), link), link);
    }

    /** SSH_FXP_OPEN with {@code flags} (SSH_FXF_*); {@code attributes} apply when the file is created. */
    public RemoteFile open(String path, int flags, FileAttributes attributes) throws IOException {
        return opened(await(openRequest(path, flags, attributes), path), path);
    }

    /** SSH_FXP_OPEN sent, its reply to come: {@link #opened} makes the file of it (a copy of many small files pipelines its opens). */
    CompletableFuture<Reply> openRequest(String path, int flags, FileAttributes attributes) throws SftpException {
        int id = nextId();
        return send(id, new PacketWriter(SSH_FXP_OPEN, 64).u32(id).string(path).u32(flags).attributes(attributes));
    }

    /** The file an SSH_FXP_OPEN's reply gives, or its status as an exception. */
    RemoteFile opened(Reply reply, String path) throws SftpException {
        return new RemoteFile(this, path, handle(reply, path));
    }

    public RemoteFile openForReading(String path) throws IOException {
        return open(path, SSH_FXF_READ, FileAttributes.NONE);
    }

    /**
     * Opens {@code path} for writing: created with {@code mode} when missing, emptied unless
     * {@code append}, refused when it exists and {@code exclusive}.
     */
    public RemoteFile openForWriting(String path, int mode, boolean append, boolean exclusive) throws IOException {
        int flags = SSH_FXF_WRITE | SSH_FXF_CREAT | (append ? 0 : exclusive ? SSH_FXF_EXCL : SSH_FXF_TRUNC);
        return open(path, flags, FileAttributes.permissions(mode));
    }

    /**
     * Reads the directory {@code path} in the server's batches (SSH_FXP_READDIR until EOF), each
     * handed to {@code batch} as it comes, so that a huge directory never has to be held whole.
     * Entries are as the server sent them: see {@link EntryNames} before using a name.
     */
    public void readDirectory(String path, Consumer<List<RemoteEntry>> batch) throws IOException {
        byte[] handle = handle(await(request(SSH_FXP_OPENDIR, path), path), path);
        IOException failure = null;
        try {
            while (true) {
                int id = nextId();
                Reply reply = await(send(id, new PacketWriter(SSH_FXP_READDIR, 32).u32(id).string(handle)), path);
                if (reply.type() == SSH_FXP_STATUS) {
                    SftpException status = status(reply, path);
                    if (status.status() == SftpStatus.EOF) {
                        break;
                    }
                    throw status;
                }
                PacketReader fields = names(reply, path);
                int count = fields.u32();
                if (count < 0 || count > MAX_PACKET) {
                    throw PacketReader.bad("a directory batch of " + Integer.toUnsignedString(count) + " names");
                }
                List<RemoteEntry> entries = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    byte[] name = fields.bytes();
                    fields.skip(fields.stringLength());
                    entries.add(new RemoteEntry(new String(name, StandardCharsets.UTF_8), fields.attributes()));
                }
                batch.accept(entries);
            }
        } catch (IOException e) {
            failure = e;
            throw e;
        } finally {
            try {
                closeHandle(handle, path);
            } catch (IOException e) {
                if (failure == null && !(e instanceof SftpException lostSession && lostSession.sessionLost())) {
                    throw e;
                }
            }
        }
    }

    /** The whole directory, as {@link #readDirectory} reads it. */
    public List<RemoteEntry> list(String path) throws IOException {
        List<RemoteEntry> all = new ArrayList<>();
        readDirectory(path, all::addAll);
        return all;
    }

    // ---- handles (RemoteFile calls these)

    void closeHandle(byte[] handle, String path) throws IOException {
        ok(await(closeRequest(handle), path), path);
    }

    /** SSH_FXP_CLOSE sent; the server answers it after every request sent before it on the handle. */
    CompletableFuture<Reply> closeRequest(byte[] handle) throws SftpException {
        int id = nextId();
        return send(id, new PacketWriter(SSH_FXP_CLOSE, 32).u32(id).string(handle));
    }

    FileAttributes fstat(byte[] handle, String path) throws IOException {
        int id = nextId();
        return attributes(await(send(id, new PacketWriter(SSH_FXP_FSTAT, 32).u32(id).string(handle)), path), path);
    }

    void fsetstat(byte[] handle, String path, FileAttributes attributes) throws IOException {
        int id = nextId();
        ok(await(send(id, new PacketWriter(SSH_FXP_FSETSTAT, 64).u32(id).string(handle).attributes(attributes)), path),
                path);
    }

    /**
     * SSH_FXP_READ of {@code length} bytes at {@code offset}; the data goes to {@code sink} on the
     * reader thread as it arrives (from a buffer the reader reuses: no copy, no garbage per
     * packet), and {@link #data} on the reply says how much went there or what failed.
     */
    CompletableFuture<Reply> read(byte[] handle, long offset, int length, DataSink sink) throws SftpException {
        int id = nextId();
        sinks.put(id, new ReadSink(length, sink));
        try {
            return send(id, new PacketWriter(SSH_FXP_READ, 48).u32(id).string(handle).u64(offset).u32(length));
        } catch (SftpException e) {
            sinks.remove(id);
            throw e;
        }
    }

    CompletableFuture<Reply> write(byte[] handle, long offset, byte[] data, int from, int length) throws SftpException {
        return write(handle, offset, ByteBuffer.wrap(data, from, length));
    }

    /** As above, {@code data}'s remaining bytes (all written when it returns). */
    CompletableFuture<Reply> write(byte[] handle, long offset, ByteBuffer data) throws SftpException {
        int id = nextId();
        int length = data.remaining();
        // the header carries the whole packet's length; the data follows it on the wire without being copied
        PacketWriter header = new PacketWriter(SSH_FXP_WRITE, 48).u32(id).string(handle).u64(offset).u32(length);
        return send(id, header, data);
    }

    /**
     * How many bytes of a READ's reply went to its sink, or -1 at the end of the file. More than
     * asked is the server's error; the sink's failure is thrown here.
     */
    int data(Reply reply, String path) throws IOException {
        if (reply.sunk()) {
            if (reply.sinkFailure() != null) {
                throw reply.sinkFailure();
            }
            return reply.length();
        }
        if (reply.type() == SSH_FXP_STATUS) {
            SftpException status = status(reply, path);
            if (status.status() == SftpStatus.EOF) {
                return -1;
            }
            throw status;
        }
        throw PacketReader.bad("type " + reply.type() + " in reply to SSH_FXP_READ");
    }

    /** Where a READ's data goes: {@code data} from its position to its limit, on the reader thread. */
    interface DataSink {
        void accept(ByteBuffer data) throws IOException;
    }

    /** SSH_FXP_STATUS OK, or the status as an exception. */
    void ok(Reply reply, String path) throws SftpException {
        if (reply.type() != SSH_FXP_STATUS) {
            throw PacketReader.bad("type " + reply.type() + " where a status was due");
        }
        SftpException status = status(reply, path);
        if (status.status() != SftpStatus.OK) {
            throw status;
        }
    }

    /** Waits for a reply; the session's loss and interruption come back as {@link SftpException}. */
    Reply await(CompletableFuture<Reply> reply, String what) throws SftpException {
        try {
            return reply.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SftpException sftp) {
                throw new SftpException(sftp.status(), sftp.getMessage(), sftp);
            }
            throw new SftpException(SftpStatus.CONNECTION_LOST, what + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SftpException(SftpStatus.CONNECTION_LOST, what + ": interrupted", e);
        }
    }

    // ---- plumbing

    private CompletableFuture<Reply> request(int type, String path) throws SftpException {
        int id = nextId();
        return send(id, new PacketWriter(type, 16 + path.length() * 3).u32(id).string(path));
    }

    private CompletableFuture<Reply> extended(String name, PacketWriter writer) throws SftpException {
        int id = nextId();
        return send(id, writer.u32(id).string(name));
    }

    private synchronized int nextId() {
        return nextId++;
    }

    private CompletableFuture<Reply> send(int id, PacketWriter writer) throws SftpException {
        return send(id, writer, ByteBuffer.allocate(0));
    }

    /** Sends {@code writer}'s packet followed by the remaining bytes of {@code data}, which belong to it. */
    private CompletableFuture<Reply> send(int id, PacketWriter writer, ByteBuffer data) throws SftpException {
        int trailing = data.remaining();
        byte[] packet = writer.frame(trailing);
        if (packet.length + trailing - 4 > MAX_PACKET) {
            throw new SftpException(SftpStatus.BAD_MESSAGE, "a request of " + packet.length + " bytes is over the limit");
        }
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        pending.put(id, reply);
        SftpException gone = lost;
        if (gone != null) {
            pending.remove(id);
            throw new SftpException(gone.status(), gone.getMessage(), gone);
        }
        synchronized (sendLock) {
            try {
                writeFully(ByteBuffer.wrap(packet));
                writeFully(data);
                out.flush();
            } catch (IOException e) {
                pending.remove(id);
                SftpException failure = new SftpException(SftpStatus.CONNECTION_LOST,
                        "the SFTP session is gone: " + e.getMessage(), e);
                fail(failure);
                throw failure;
            }
        }
        return reply;
    }

    private void writeFully(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            requests.write(bytes);
        }
    }

    /**
     * How the reader thread reads the session's output: a socket's (junixsocket's streams give
     * their descriptor) through a {@link FileChannel} on that descriptor, so that a READ's data
     * goes from the socket into a direct buffer and from there to the file with no copy in this
     * process; any other stream as it is. The channel is never closed here (the session owns the
     * descriptor), and only the reader thread, which nothing interrupts, uses it: an interrupt
     * would close the channel, and with it the descriptor.
     */
    private static ReadableByteChannel channelOf(InputStream in) {
        if (in instanceof FileDescriptorAccess socket) {
            try {
                FileDescriptor descriptor = socket.getFileDescriptor();
                if (descriptor.valid()) {
                    return new FileInputStream(descriptor).getChannel();
                }
            } catch (IOException noDescriptor) {
                // read it as a stream
            }
        }
        return Channels.newChannel(in);
    }

    private void readReplies() {
        // one buffer for every packet: a READ's data goes from it to its sink, other replies are copied out
        ByteBuffer buffer = replies instanceof FileChannel ? ByteBuffer.allocateDirect(MAX_PACKET)
                : ByteBuffer.allocate(MAX_PACKET);
        try {
            while (true) {
                int length = readPacket(replies, buffer);
                if (length < 0) {
                    fail(new SftpException(SftpStatus.CONNECTION_LOST, "the SFTP session ended"));
                    return;
                }
                if (length < 5) {
                    throw PacketReader.bad("a packet of " + length + " bytes");
                }
                int type = buffer.get(0) & 0xff;
                int id = buffer.getInt(1);
                CompletableFuture<Reply> reply = pending.remove(id);
                if (reply == null) {
                    throw PacketReader.bad("a reply (type " + type + ") to request " + Integer.toUnsignedString(id)
                            + ", which is not outstanding");
                }
                ReadSink sink = sinks.remove(id);
                if (sink != null && type == SSH_FXP_DATA) {
                    reply.complete(sink(buffer, length, sink));
                } else {
                    byte[] packet = new byte[length];
                    buffer.get(0, packet);
                    reply.complete(new Reply(type, packet, 5, length - 5));
                }
            }
        } catch (SftpException e) {
            fail(e);
            closeQuietly();
        } catch (IOException e) {
            fail(new SftpException(SftpStatus.CONNECTION_LOST, "the SFTP session is gone: " + e.getMessage(), e));
        }
    }

    /** An SSH_FXP_DATA's data into its sink, on this (the reader) thread. */
    private static Reply sink(ByteBuffer packet, int packetLength, ReadSink sink) {
        // type, id, then the data as a string: its length and its bytes
        int length = packetLength < 9 ? -1 : packet.getInt(5);
        if (length < 0 || length > packetLength - 9) {
            return Reply.sunk(0, PacketReader.bad("SSH_FXP_DATA whose data runs past its packet"));
        }
        if (length > sink.asked()) {
            return Reply.sunk(0, PacketReader.bad(length + " bytes of data for a read of " + sink.asked()));
        }
        try {
            sink.sink().accept(packet.duplicate().limit(9 + length).position(9));
            return Reply.sunk(length, null);
        } catch (IOException e) {
            return Reply.sunk(length, e);
        } catch (RuntimeException e) {
            return Reply.sunk(length, new IOException(e.toString(), e));
        }
    }

    /**
     * One packet's body (without its length) into {@code buffer}, from its start: its length, or
     * -1 at EOF before its first byte.
     */
    private static int readPacket(ReadableByteChannel in, ByteBuffer buffer) throws IOException {
        buffer.clear().limit(4);
        if (!fill(in, buffer, true)) {
            return -1;
        }
        int length = buffer.getInt(0);
        if (length < 1 || length > MAX_PACKET) {
            throw PacketReader.bad("a packet of " + Integer.toUnsignedString(length) + " bytes (the limit is "
                    + MAX_PACKET + ")");
        }
        buffer.clear().limit(length);
        fill(in, buffer, false);
        return length;
    }

    /** Reads until {@code buffer} is full; false at EOF before its first byte when {@code endAllowed}. */
    private static boolean fill(ReadableByteChannel in, ByteBuffer buffer, boolean endAllowed) throws IOException {
        while (buffer.hasRemaining()) {
            if (in.read(buffer) < 0) {
                if (endAllowed && buffer.position() == 0) {
                    return false;
                }
                throw new EOFException("the SFTP session ended inside a packet");
            }
        }
        return true;
    }

    private void fail(SftpException why) {
        if (lost == null) {
            lost = why;
        }
        sinks.clear();
        for (Integer id : List.copyOf(pending.keySet())) {
            CompletableFuture<Reply> reply = pending.remove(id);
            if (reply != null) {
                reply.completeExceptionally(why);
            }
        }
    }

    private static byte[] handle(Reply reply, String path) throws SftpException {
        if (reply.type() == SSH_FXP_STATUS) {
            throw status(reply, path);
        }
        if (reply.type() != SSH_FXP_HANDLE) {
            throw PacketReader.bad("type " + reply.type() + " where a handle was due");
        }
        byte[] handle = reply.reader().bytes();
        if (handle.length > 256) {
            throw PacketReader.bad("a handle of " + handle.length + " bytes");
        }
        return handle;
    }

    private static FileAttributes attributes(Reply reply, String path) throws SftpException {
        if (reply.type() == SSH_FXP_STATUS) {
            throw status(reply, path);
        }
        if (reply.type() != SSH_FXP_ATTRS) {
            throw PacketReader.bad("type " + reply.type() + " where attributes were due");
        }
        return reply.reader().attributes();
    }

    /** The one name of an SSH_FXP_NAME that answers REALPATH or READLINK. */
    private static String firstName(Reply reply, String path, String request) throws SftpException {
        PacketReader fields = names(reply, path);
        if (fields.u32() < 1) {
            throw PacketReader.bad("SSH_FXP_NAME without a name for " + request);
        }
        return fields.string();
    }

    private static PacketReader names(Reply reply, String path) throws SftpException {
        if (reply.type() == SSH_FXP_STATUS) {
            throw status(reply, path);
        }
        if (reply.type() != SSH_FXP_NAME) {
            throw PacketReader.bad("type " + reply.type() + " where names were due");
        }
        return reply.reader();
    }

    private static SftpException status(Reply reply, String path) throws SftpException {
        PacketReader fields = reply.reader();
        SftpStatus code = SftpStatus.of(fields.u32());
        return new SftpException(code, path + ": " + code.words());
    }

    /** Whether the session still works. */
    public boolean open() {
        return lost == null;
    }

    /** Ends the session: the streams, the transport; outstanding requests fail. */
    @Override
    public void close() {
        fail(new SftpException(SftpStatus.CONNECTION_LOST, "the SFTP session was closed"));
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            transport.close();
        } catch (Exception ignored) {
            // closing is all that was wanted
        }
        try {
            out.close();
        } catch (IOException ignored) {
            // the transport took it with it
        }
        try {
            in.close();
        } catch (IOException ignored) {
            // the transport took it with it
        }
    }
}
