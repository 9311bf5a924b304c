package dev.jhosts.askpass;

import dev.jhosts.master.MasterPrompts;
import dev.jhosts.master.OwnSockets;
import dev.jhosts.master.PromptChannel;
import dev.jhosts.master.PromptSession;
import dev.jhosts.mux.LocalUser;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * The picker's end of the askpass channel: a Unix socket in the control directory (0600, in a
 * 0700 directory), there only while a launch may prompt. A connection is served only when its
 * peer runs as this user and presents the token of a launch still under way; anything else gets
 * nothing (and is noted in the debug log). One dialog at a time: a second prompt waits for the
 * first. The typed answer lives in a char buffer here, never in the picker's state, and is
 * overwritten once written to the helper.
 *
 * <p>A master that asks to confirm each use (ControlMaster ask/autoask) keeps its session after
 * its launch: ssh reads SSH_ASKPASS from the master's own environment every time it asks
 * (readpass.c), so the token given at launch is the one its confirmations present, for as long
 * as that master lives and this picker runs. Only that master's environment holds it. When the
 * picker is gone the helper finds no socket: it then asks the user's own SSH_ASKPASS where ssh
 * would have used it, or else exits non-zero, and ssh refuses the client.
 */
public final class AskpassServer implements PromptChannel, AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;
    private final Path helper;
    private final Consumer<PromptRequest> asked;
    private final LongConsumer withdrawn;
    private final PasswordCommands passwords;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Semaphore oneDialog = new Semaphore(1, true);
    /** What a master's helper falls back to when this picker is gone (see {@link #fallbackOf}). */
    private final Map<String, String> fallback;
    private AFUNIXServerSocket server;
    private Path socket;

    /**
     * @param directory where the socket goes (jhosts' control directory, 0700)
     * @param helper the SSH_ASKPASS program ({@code jhosts-askpass} beside the launcher)
     * @param asked told each prompt to show (on the server's threads)
     * @param withdrawn told the id of a prompt that is no longer wanted (ssh gave up, the launch ended)
     */
    public AskpassServer(Path directory, Path helper, Consumer<PromptRequest> asked, LongConsumer withdrawn) {
        this(directory, helper, asked, withdrawn, PasswordCommands.none());
    }

    /** As above; {@code passwords} answers password prompts before a dialog is shown. */
    public AskpassServer(Path directory, Path helper, Consumer<PromptRequest> asked, LongConsumer withdrawn,
            PasswordCommands passwords) {
        this(directory, helper, asked, withdrawn, passwords, System.getenv());
    }

    /** As above, with the environment jhosts was started in (where the user's own SSH_ASKPASS is). */
    AskpassServer(Path directory, Path helper, Consumer<PromptRequest> asked, LongConsumer withdrawn,
            PasswordCommands passwords, Map<String, String> startedIn) {
        this.fallback = fallbackOf(startedIn, helper);
        this.passwords = passwords;
        this.directory = directory;
        this.helper = helper;
        this.asked = asked;
        this.withdrawn = withdrawn;
    }

    /**
     * The user's own askpass program, for a master's helper to ask when the picker is gone: only
     * where ssh would have run it itself (readpass.c read_passphrase: DISPLAY or WAYLAND_DISPLAY
     * set, or SSH_ASKPASS_REQUIRE=force), and never jhosts' own helper.
     */
    static Map<String, String> fallbackOf(Map<String, String> environment, Path helper) {
        String own = environment.getOrDefault("SSH_ASKPASS", "");
        boolean display = !environment.getOrDefault("DISPLAY", "").isEmpty()
                || !environment.getOrDefault("WAYLAND_DISPLAY", "").isEmpty();
        String require = environment.getOrDefault("SSH_ASKPASS_REQUIRE", "");
        boolean allowed = (display && !require.equalsIgnoreCase("never")) || require.equalsIgnoreCase("force");
        if (own.isEmpty() || !allowed || own.equals(helper.toString()) || Path.of(own).getFileName().toString().equals("jhosts-askpass")) {
            return Map.of();
        }
        return Map.of(AskpassMain.FALLBACK, own);
    }

    private final class Session implements MasterPrompts {
        private final String label;
        private final String token;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        /** A password command answered once in this launch: a second password prompt means it was refused. */
        private final AtomicBoolean commandTried = new AtomicBoolean();
        private final Map<String, String> environment;

        Session(String label, String token, Path socket, Map<String, String> extra) {
            this.label = label;
            this.token = token;
            Map<String, String> environment = new java.util.HashMap<>(extra);
            environment.putAll(Map.of(
                    "SSH_ASKPASS", helper.toString(),
                    "SSH_ASKPASS_REQUIRE", "force",
                    AskpassMain.SOCKET, socket.toString(),
                    AskpassMain.TOKEN, token));
            this.environment = Map.copyOf(environment);
        }

        @Override
        public Map<String, String> environment() {
            return environment;
        }

        @Override
        public boolean cancelled() {
            return cancelled.get();
        }

        @Override
        public void close() {
            closeSession(this);
        }

        @Override
        public void keepWhile(long masterPid) {
            java.util.Optional<ProcessHandle> master = ProcessHandle.of(masterPid);
            if (master.isEmpty()) {
                close();
                return;
            }
            // the JDK watches a process that is not its child by polling; the token goes with it
            master.get().onExit().thenRun(this::close);
        }
    }

    /** A prompt on screen: the answer typed so far, and where it goes. */
    private static final class Pending {
        private final Session session;
        private final CompletableFuture<Boolean> decided = new CompletableFuture<>();
        private char[] typed = new char[64];
        private int length;

        Pending(Session session) {
            this.session = session;
        }

        synchronized void type(int codePoint) {
            char[] chars = Character.toChars(codePoint);
            if (length + chars.length > typed.length) {
                char[] bigger = Arrays.copyOf(typed, typed.length * 2);
                Arrays.fill(typed, '\0');
                typed = bigger;
            }
            for (char c : chars) {
                typed[length++] = c;
            }
        }

        synchronized void erase() {
            if (length == 0) {
                return;
            }
            boolean pair = length >= 2 && Character.isLowSurrogate(typed[length - 1])
                    && Character.isHighSurrogate(typed[length - 2]);
            for (int i = pair ? 2 : 1; i > 0; i--) {
                typed[--length] = '\0';
            }
        }

        /** The answer as UTF-8; the char buffer is wiped. */
        synchronized byte[] takeAnswer() {
            ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(typed, 0, length));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            Arrays.fill(encoded.array(), (byte) 0);
            wipe();
            return bytes;
        }

        synchronized void wipe() {
            Arrays.fill(typed, '\0');
            length = 0;
        }
    }

    @Override
    public PromptSession open(String forLabel) {
        return session(forLabel, Map.of());
    }

    @Override
    public MasterPrompts openForMaster(String forLabel) {
        return session(forLabel, fallback);
    }

    private synchronized Session session(String forLabel, Map<String, String> extra) {
        try {
            ensureListening();
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the askpass socket in " + directory + ": " + e.getMessage(), e);
        }
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        Session session = new Session(forLabel, HexFormat.of().formatHex(secret), socket, extra);
        sessions.put(session.token, session);
        return session;
    }

    private void ensureListening() throws IOException {
        if (server != null) {
            return;
        }
        byte[] name = new byte[8];
        RANDOM.nextBytes(name);
        socket = OwnSockets.in(directory, "askpass", HexFormat.of().formatHex(name));
        AFUNIXServerSocket listening = AFUNIXServerSocket.newInstance();
        listening.bind(AFUNIXSocketAddress.of(socket));
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        server = listening;
        Thread acceptor = new Thread(() -> accept(listening), "jhosts-askpass");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private synchronized void closeSession(Session session) {
        sessions.remove(session.token);
        pending.forEach((id, prompt) -> {
            if (prompt.session == session) {
                prompt.decided.complete(false);
            }
        });
        if (sessions.isEmpty()) {
            stopListening();
        }
    }

    private void stopListening() {
        if (server == null) {
            return;
        }
        try {
            server.close();
            Files.deleteIfExists(socket);
        } catch (IOException ignored) {
            // the directory is private; a socket left there answers nobody
        }
        server = null;
    }

    private void accept(AFUNIXServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                AFUNIXSocket client = listening.accept();
                Thread serving = new Thread(() -> serve(client), "jhosts-askpass-client");
                serving.setDaemon(true);
                serving.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(AFUNIXSocket client) {
        try (client) {
            long uid = client.getPeerCredentials().getUid();
            if (uid != LocalUser.uid()) {
                note("askpass: refused a connection from uid " + uid);
                return;
            }
            client.setSoTimeout(10_000);
            DataInputStream in = new DataInputStream(client.getInputStream());
            DataOutputStream out = new DataOutputStream(client.getOutputStream());
            if (in.readInt() != AskpassWire.VERSION) {
                note("askpass: refused a connection speaking another version");
                return;
            }
            Session session = sessionFor(AskpassWire.readString(in));
            String text = AskpassWire.readString(in);
            String kind = AskpassWire.readString(in);
            if (session == null) {
                note("askpass: refused a connection without a valid token");
                out.writeByte(AskpassWire.REFUSED);
                out.flush();
                return;
            }
            client.setSoTimeout(0);
            answer(session, text, PromptKind.of(kind, text), out);
        } catch (IOException e) {
            note("askpass: a helper went away: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Compares the presented token with each open session's in constant time. */
    private Session sessionFor(String presented) {
        byte[] given = presented.getBytes(StandardCharsets.UTF_8);
        Session found = null;
        for (Session session : sessions.values()) {
            if (MessageDigest.isEqual(given, session.token.getBytes(StandardCharsets.UTF_8))) {
                found = session;
            }
        }
        return found;
    }

    /** Sends {@code answer} to the helper and wipes it, whatever happens. */
    private static void send(DataOutputStream out, byte[] answer) throws IOException {
        try {
            out.writeByte(AskpassWire.ANSWER);
            AskpassWire.writeBytes(out, answer);
            out.flush();
        } finally {
            Arrays.fill(answer, (byte) 0);
        }
    }

    private void answer(Session session, String text, PromptKind kind, DataOutputStream out)
            throws IOException, InterruptedException {
        if (kind == PromptKind.NOTICE) {
            asked.accept(new PromptRequest(ids.incrementAndGet(), session.label, text, kind));
            send(out, new byte[0]);
            return;
        }
        if (kind == PromptKind.SECRET && PasswordSource.asksForPassword(text) && session.commandTried.compareAndSet(false, true)) {
            java.util.Optional<byte[]> fromCommand = passwords.answer(session.label, text);
            if (fromCommand.isPresent()) {
                send(out, fromCommand.get());
                return;
            }
        }
        oneDialog.acquire();
        long id = ids.incrementAndGet();
        Pending prompt = new Pending(session);
        pending.put(id, prompt);
        try {
            if (!sessions.containsKey(session.token)) {
                prompt.decided.complete(false);
            } else {
                asked.accept(new PromptRequest(id, session.label, text, kind));
            }
            boolean given = prompt.decided.join();
            if (!given) {
                session.cancelled.set(true);
                out.writeByte(AskpassWire.CANCELLED);
                out.flush();
                return;
            }
            send(out, kind == PromptKind.CONFIRM ? "yes".getBytes(StandardCharsets.UTF_8) : prompt.takeAnswer());
        } finally {
            prompt.wipe();
            pending.remove(id);
            withdrawn.accept(id);
            oneDialog.release();
        }
    }

    /** A character typed into prompt {@code id}'s answer. */
    public void type(long id, int codePoint) {
        Pending prompt = pending.get(id);
        if (prompt != null) {
            prompt.type(codePoint);
        }
    }

    /** The last character of prompt {@code id}'s answer taken back. */
    public void erase(long id) {
        Pending prompt = pending.get(id);
        if (prompt != null) {
            prompt.erase();
        }
    }

    /** Sends what was typed (for a confirmation: yes). */
    public void submit(long id) {
        Pending prompt = pending.get(id);
        if (prompt != null) {
            prompt.decided.complete(true);
        }
    }

    /** The user said no: the helper exits non-zero and ssh gives up. */
    public void cancel(long id) {
        Pending prompt = pending.get(id);
        if (prompt != null) {
            prompt.wipe();
            prompt.decided.complete(false);
        }
    }

    private static void note(String line) {
        if (Boolean.getBoolean("jhosts.debug")) {
            System.getLogger(AskpassServer.class.getName()).log(System.Logger.Level.DEBUG, line);
        }
    }

    @Override
    public synchronized void close() {
        sessions.clear();
        pending.values().forEach(prompt -> {
            prompt.wipe();
            prompt.decided.complete(false);
        });
        stopListening();
    }
}
