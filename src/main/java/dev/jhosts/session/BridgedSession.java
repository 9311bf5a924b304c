package dev.jhosts.session;

import dev.jhosts.mux.MuxClient;
import dev.jhosts.mux.MuxException;
import dev.jhosts.mux.MuxSession;
import dev.jhosts.mux.SessionEnd;
import dev.jhosts.mux.SocketPair;
import dev.jhosts.session.screen.ScreenModel;
import dev.jhosts.terminal.ProcFiles;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.Terminal.SignalHandler;
import org.jline.terminal.impl.jni.JniNativePty;
import org.jline.utils.NonBlocking;
import org.jline.utils.NonBlockingInputStream;

/**
 * A session opened through a master on a PTY of jhosts' own ({@link PtyBridge#open}): it lives
 * on its own threads from {@link #start} to its end, and is given the user's terminal for a
 * while each time it is {@link #attach attached}.
 *
 * <p>The master is handed the PTY's slave as the session's standard input (it reads the modes
 * and the size there) and one end of a socket pair as its standard output and error: a socket
 * read gives all that has come, where a PTY gives at most 4 KiB a read, and most of a session's
 * cost under heavy output was those reads. One thread reads the socket for as long as the
 * session lives and hands every byte to
 * the session's {@link ScreenModel} (fed beside the copy: {@link ScreenFeed}); while attached it
 * also writes it to the user's terminal. So
 * a session that is not attached keeps running (its output is read, never blocked), and when it
 * is attached again the model repaints the screen the remote program last drew, before any new
 * byte arrives. While detached the model answers the program's terminal queries (cursor
 * position, device attributes), which the real terminal answers while attached. Another thread
 * waits for MUX_S_EXIT_MESSAGE and the end of the control connection.
 *
 * <p>While attached the user's terminal is raw (also without ISIG, IXON and OPOST, so Ctrl-C,
 * Ctrl-S and every output byte pass unchanged), and a third thread copies the keyboard to the
 * PTY through jhosts' escapes and session keys ({@link EscapeScanner}). Keys and the model's
 * answers reach the PTY through {@link PtyInput}, whose own thread alone waits when the program
 * does not read its input: the keyboard (so {@code ~.} and the detach key), the model and the
 * output go on whatever the program does. When the server refuses
 * the pty (MUX_S_TTY_ALLOC_FAIL) the terminal gets the user's normal modes back, as OpenSSH's
 * own mux client does: the remote side echoes nothing then, the local terminal does, and
 * Ctrl-C, which is then the terminal's SIGINT, closes the session (as it ends {@code ssh -T}).
 *
 * <p>A session whose master exits under it (the control connection closes with no exit status
 * and the master's process is gone) is {@link #lost()} rather than over, where its listener
 * {@link Listener#reconnects reconnects}: the PTY, the output thread and the screen stay, keys
 * are dropped, and {@link #reopen} opens it again through a new master on the same PTY.
 *
 * <p>When {@link #attach} returns, the terminal has the attributes and the WINCH handler it had
 * before (if it was resized meanwhile, that handler has been called once), and the modes the
 * remote program set (alternate screen, application keys, mouse reporting…) are undone; the
 * caller redraws from scratch.
 */
public final class BridgedSession implements AutoCloseable {
    /** How long the remaining output may take to drain after the session ended. */
    private static final long DRAIN_MILLIS = 5_000;
    /**
     * After {@code ~.} or a hang-up: a master that answers ends the session at once, one that
     * does not never will, and the terminal is needed back within a second whichever it is.
     */
    private static final long DRAIN_AFTER_CLOSE_MILLIS = 300;
    /** Output news while detached: the first chunk at once, then at most this often (idle times). */
    private static final long OUTPUT_NEWS_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int BUFFER_SIZE = 1 << 16;
    /** At an ending (a signal), how long the model may take to catch up with what the terminal was sent. */
    private static final long MODES_AT_ENDING_MILLIS = 500;
    /** Beyond this much output before the first attach, the first attach repaints from the model instead. */
    private static final int EARLY_LIMIT = 1 << 20;
    /** SGR reset, cursor home, erase the screen: where a session's model starts. */
    private static final byte[] CLEAR = "\033[0m\033[H\033[2J".getBytes(StandardCharsets.US_ASCII);
    /** How long the terminal that shows the session may take to give it up when another takes it. */
    private static final long MOVE_MILLIS = 3_000;
    /** How long a master whose control connection closed may take to be gone before it counts as alive. */
    private static final long MASTER_EXIT_MILLIS = 2_000;

    /** What a session tells its owner, from the session's own threads. */
    public interface Listener {
        /** Output arrived while no terminal is attached: at once for the first, then at most once a second. */
        void outputWhileDetached();

        /** The session is over (once); its output has been read to the end or given up. */
        void ended(BridgeEnd end);

        /**
         * Its master went away under it (no exit status came, nobody closed it): the session
         * waits, its screen kept, to be {@link #reopen reopened} through a new master or closed.
         */
        default void lost() {}

        /**
         * Whether a session that loses its master waits for a new one ({@link #lost}) rather
         * than ending: only where something makes masters again.
         */
        default boolean reconnects() {
            return false;
        }

        /** It was {@link #reopen reopened} through a new master after it was {@link #lost}. */
        default void reopened() {}

        Listener NONE = new Listener() {
            @Override
            public void outputWhileDetached() {
                // nobody to tell
            }

            @Override
            public void ended(BridgeEnd end) {
                // likewise
            }
        };
    }

    /**
     * The user's terminal of the attachment under way (or of the last one); another client's at
     * the next. Null until the first attach of a session opened before any terminal showed it.
     */
    private volatile Terminal terminal;
    private volatile Attributes cookedModes;
    private final JniNativePty pty;
    /** The master writes the session's output (standard output and error) on its end. */
    private final SocketPair output;
    /** The mux session under way; another after a {@link #reopen}. */
    private volatile MuxSession session;
    private volatile long masterPid;
    private final SessionSpec spec;
    private final int escapeChar;
    private final SessionKeys keys;
    private volatile WinchRelay winch;
    /** Guards the model, the sink and the attachment: output, attach and detach take it in turn. */
    private final Object lock = new Object();
    private final ScreenFeed screen;
    /** The remote program's input: keys and answers, written on a thread of its own (never blocking us). */
    private final PtyInput input;
    private final CountDownLatch outputDone = new CountDownLatch(1);
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean closedByUs;
    private volatile boolean ttyRefused;
    /** The normal modes of the attachment under way, entered at once if MUX_S_TTY_ALLOC_FAIL comes now. */
    private volatile NormalModesWithoutPty attachedModes;
    private volatile Listener listener = Listener.NONE;
    /** Whether the model answers the program's terminal queries: while no real terminal is attached. */
    private volatile boolean answering = true;
    private Size ptySize; // guarded by lock
    private OutputStream sink; // guarded by lock; the user's terminal while attached
    private boolean abandoned; // guarded by lock: output is never written anywhere again
    private boolean attachedBefore; // guarded by lock
    /** What came before the first attach (the master's "PTY allocation request failed", a banner), as it came. */
    private final ByteArrayOutputStream early = new ByteArrayOutputStream(); // guarded by lock
    private CompletableFuture<AttachEnd> attachment; // guarded by lock
    private BridgeEnd end; // guarded by lock
    private long lastNews; // output thread only
    /** Whether the master went away under the session and no new one has it yet. */
    private boolean lost; // guarded by lock
    private boolean finishing; // guarded by lock
    /** One reopen at a time. */
    private final Object reopening = new Object();

    /**
     * @param ptySize the size the PTY was opened with
     * @param masterPid the master's pid, for SIGWINCH
     */
    BridgedSession(Terminal terminal, Attributes cookedModes, JniNativePty pty, SocketPair output, Size ptySize,
            MuxSession session, long masterPid, SessionSpec spec, SessionKeys keys) {
        this.terminal = terminal;
        this.cookedModes = new Attributes(cookedModes);
        this.pty = Objects.requireNonNull(pty, "pty");
        this.output = Objects.requireNonNull(output, "output");
        this.session = Objects.requireNonNull(session, "session");
        this.masterPid = masterPid;
        this.spec = Objects.requireNonNull(spec, "spec");
        this.escapeChar = spec.escapeChar();
        this.keys = Objects.requireNonNull(keys, "keys");
        this.ptySize = ptySize;
        ScreenModel model = new ScreenModel(Math.max(1, ptySize.getColumns()), Math.max(1, ptySize.getRows()));
        model.setReplies(this::reply);
        this.screen = new ScreenFeed(model);
        this.input = new PtyInput(pty.getMasterOutput());
        this.winch = new WinchRelay(masterPid);
    }

    /** Starts reading the session's output and waiting for its end; {@code listener} hears of both. */
    public void start(Listener news) {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        this.listener = Objects.requireNonNull(news, "listener");
        screen.start();
        input.start();
        Thread output = new Thread(this::copyOutput, "jhosts-pty-output");
        output.setDaemon(true);
        output.start();
        Thread ending = new Thread(this::awaitEnd, "jhosts-session-end");
        ending.setDaemon(true);
        ending.start();
    }

    /** Whether the session is over. */
    public boolean ended() {
        synchronized (lock) {
            return end != null;
        }
    }

    /**
     * Gives the session the user's terminal until it ends or the user leaves it ({@code ~^Z}, the
     * detach, next or previous key when {@code detachable}); {@code typeahead} (what was typed
     * before) goes to the session first. A session attached again gets its last screen repainted
     * first. The caller owns the terminal and neither draws on it nor reads it meanwhile.
     */
    public AttachEnd attach(byte[] typeahead, boolean detachable) throws IOException {
        Terminal last = terminal;
        if (last == null) {
            throw new IllegalStateException("no terminal has shown this session yet: attach it to one");
        }
        return attach(last, cookedModes, typeahead, detachable);
    }

    /**
     * As {@link #attach(byte[], boolean)}, on {@code userTerminal} (whose normal modes are {@code
     * cooked}), which may be another client's terminal than the last one. A session shown in
     * another terminal is taken from it first: that attachment ends as a detach to its list (as
     * {@code tmux attach -d} does).
     */
    public AttachEnd attach(Terminal userTerminal, Attributes cooked, byte[] typeahead, boolean detachable)
            throws IOException {
        start(listener);
        CompletableFuture<AttachEnd> leaving = new CompletableFuture<>();
        synchronized (lock) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MOVE_MILLIS);
            while (attachment != null && end == null) {
                attachment.complete(new AttachEnd.Detached(AttachEnd.Toward.LIST));
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new IOException("the session is still shown in another terminal");
                }
                try {
                    lock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while attaching");
                }
            }
            if (end != null) {
                return new AttachEnd.Ended(end);
            }
            attachment = leaving;
            terminal = Objects.requireNonNull(userTerminal, "terminal");
            cookedModes = new Attributes(cooked);
        }
        Terminal terminal = userTerminal;
        Attributes entryModes = terminal.getAttributes();
        terminal.setAttributes(ttyRefused ? cookedModes : TerminalModes.raw(entryModes));
        AtomicBoolean resized = new AtomicBoolean();
        SignalHandler previousWinch = terminal.handle(Signal.WINCH, signal -> {
            resized.set(true);
            resize();
        });
        NormalModesWithoutPty withoutPty = new NormalModesWithoutPty();
        attachedModes = withoutPty;
        if (ttyRefused) {
            withoutPty.enter();
        }
        SessionTerminal own = terminal instanceof SessionTerminal sessionTerminal ? sessionTerminal : null;
        if (own != null) {
            // a signal that ends jhosts meanwhile undoes what the program set, as takeTheScreenBack would
            own.lend(() -> screen.current(ScreenModel::modesToUndo, MODES_AT_ENDING_MILLIS));
        }
        KeyboardPump keyboard = null;
        try {
            handTheScreenOver(detachable);
            keyboard = new KeyboardPump(keyboard(), keysWatchingForAnOffer(input.keyStream()),
                    new EscapeScanner(escapeChar, detachable ? keys : SessionKeys.NONE, detachable),
                    command -> escape(command, leaving, detachable), typeahead, this::giveBack,
                    () -> leaving.complete(new AttachEnd.Detached(AttachEnd.Toward.LIST))).start();
            return awaitLeaving(leaving);
        } finally {
            if (keyboard != null) {
                stopKeyboard(keyboard);
            }
            takeTheScreenBack();
            if (own != null) {
                own.takeBack();
            }
            attachedModes = null;
            withoutPty.leave();
            terminal.handle(Signal.WINCH, previousWinch);
            terminal.setAttributes(entryModes);
            if (resized.get() && previousWinch != SignalHandler.SIG_DFL && previousWinch != SignalHandler.SIG_IGN) {
                previousWinch.handle(Signal.WINCH); // the native defaults cannot be called
            }
        }
    }

    /** The terminal that shows this session, if any, goes back to its list, as if the user had detached. */
    public void sendBackToList() {
        synchronized (lock) {
            if (attachment != null && end == null) {
                attachment.complete(new AttachEnd.Detached(AttachEnd.Toward.LIST));
            }
        }
    }

    /**
     * Ends the session: closing the control connection makes the master close the channel, and
     * the remote side gets its hang-up. For a session never started, the PTY is freed too.
     */
    @Override
    public void close() {
        closedByUs = true;
        session.close();
        if (!started.get()) {
            winch.close();
            closePty();
            return;
        }
        boolean wasLost;
        synchronized (lock) {
            wasLost = lost;
            lost = false;
        }
        if (wasLost) {
            // no master will end it: it ends here, off the caller's thread (the keyboard's, for ~.)
            Thread ending = new Thread(() -> finish(new SessionEnd(SessionEnd.NO_EXIT_STATUS, false, false)),
                    "jhosts-session-end");
            ending.setDaemon(true);
            ending.start();
        }
    }

    private static AttachEnd awaitLeaving(CompletableFuture<AttachEnd> leaving) throws IOException {
        try {
            return leaving.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }

    /**
     * The last screen first (for a session attached before), then the session's output live. A
     * session of the picker ({@code fromClear}) starts on a clear screen.
     */
    private void handTheScreenOver(boolean fromClear) throws IOException {
        Size size = terminal.getSize();
        synchronized (lock) {
            if (size.getColumns() > 0 && size.getRows() > 0 && !size.equals(ptySize)) {
                // a size change while detached is passed on now
                pty.setSize(size);
                ptySize = size;
                try {
                    screen.resize(size.getColumns(), size.getRows());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while attaching");
                }
                winch.resized();
            }
            OutputStream out = terminal.output();
            if (!attachedBefore && early.size() <= EARLY_LIMIT) {
                // the first time: a clear screen, as the model starts, then the bytes as they came, so
                // that the terminal is in step with the model (and not drawn over another session's leftovers)
                if (fromClear) {
                    out.write(CLEAR);
                }
                early.writeTo(out);
                out.flush();
                screen.current(ScreenModel::takeScrolledOff);
            } else {
                ByteArrayOutputStream frame = new ByteArrayOutputStream();
                // lines that scrolled off while detached go into the terminal's own history first
                frame.write(("\033[" + Math.max(1, size.getRows()) + ";1H").getBytes(StandardCharsets.US_ASCII));
                for (byte[] line : screen.current(ScreenModel::takeScrolledOff)) {
                    frame.write("\r\n\033[0m".getBytes(StandardCharsets.US_ASCII));
                    frame.write(line);
                }
                frame.write(CLEAR);
                frame.write(screen.current(ScreenModel::repaint));
                out.write(frame.toByteArray());
                out.flush();
            }
            early.reset();
            attachedBefore = true;
            if (!abandoned) {
                sink = out;
                answering = false;
            }
        }
    }

    /** The terminal is the list's again: nothing more is written to it, the remote modes are undone. */
    private void takeTheScreenBack() throws IOException {
        synchronized (lock) {
            sink = null;
            answering = true;
            attachment = null;
            lock.notifyAll(); // another terminal may be waiting to show the session
            byte[] leave = screen.current(model -> {
                model.takeScrolledOff();
                return model.leave();
            });
            OutputStream out = terminal.output();
            out.write(leave);
            out.flush();
        }
    }

    private void copyOutput() {
        byte[] buffer = new byte[BUFFER_SIZE];
        try {
            InputStream from = output.input();
            // a socket read gives all that is there (up to the buffer): one write to the terminal each
            for (int n; (n = from.read(buffer)) >= 0; ) {
                boolean detached;
                synchronized (lock) {
                    if (abandoned) {
                        return;
                    }
                    detached = sink == null;
                    if (!detached) {
                        // the terminal first (what the user waits for), then the model
                        sink.write(buffer, 0, n);
                        sink.flush();
                    }
                    if (!attachedBefore && early.size() <= EARLY_LIMIT) {
                        early.write(buffer, 0, n);
                    }
                    screen.offer(buffer, n);
                }
                if (detached) {
                    tellOfOutput();
                } else {
                    lastNews = 0;
                }
            }
        } catch (IOException brokenTerminal) {
            // the end itself is -1, once every copy of the master's end is closed and all is read
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            outputDone.countDown();
        }
    }

    private void tellOfOutput() {
        long now = System.nanoTime();
        if (lastNews == 0 || now - lastNews >= OUTPUT_NEWS_NANOS) {
            lastNews = now;
            listener.outputWhileDetached();
        }
    }

    /**
     * The model's answer to a terminal query, while no real terminal is there to answer; dropped
     * when the program does not read its input ({@link PtyInput}): the model never waits for it.
     */
    private void reply(byte[] answer) {
        if (answering) {
            input.answer(answer);
        }
    }

    /**
     * Waits for the end of the session, then lets the output drain: closing our copy of the slave
     * makes the PTY master read the rest and then EIO once the master has closed its copies too.
     * A master that does not answer keeps its copies: the output is then given up, so that it
     * never writes on a terminal that belongs to the list again.
     */
    private void awaitEnd() {
        MuxSession current = session;
        long pid = masterPid;
        SessionEnd ended;
        try {
            ended = current.awaitEndWith(this::ttyRefused);
        } catch (MuxException e) {
            ended = new SessionEnd(SessionEnd.NO_EXIT_STATUS, false, false);
        }
        if (!ended.exitMessageReceived() && !closedByUs && listener.reconnects() && masterGone(pid)) {
            boolean nowLost;
            synchronized (lock) {
                // close() takes the ending over from here once lost is set
                nowLost = !closedByUs && end == null;
                if (nowLost) {
                    lost = true;
                    input.discarding(true);
                }
            }
            if (nowLost) {
                note("connection lost; jhosts reconnects in the background; "
                        + EscapeScanner.name(escapeChar) + ". leaves");
                listener.lost();
                return;
            }
        }
        finish(ended);
    }

    /**
     * Whether the master at {@code pid} is gone: a master that closed the session without an exit
     * status but lives (the remote program killed by a signal) ended the session, one that exited
     * lost it. Its exit closes its descriptors a moment before its pid goes, hence the bounded wait.
     */
    private static boolean masterGone(long pid) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MASTER_EXIT_MILLIS);
        while (true) {
            Optional<ProcessHandle> master = ProcessHandle.of(pid);
            if (master.isEmpty() || !master.get().isAlive() || zombie(pid)) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * Whether {@code pid} has exited and waits to be reaped: a master that went to the background
     * belongs to init then, and where init reaps nothing (some containers) it stays a zombie,
     * which Java counts as alive.
     */
    private static boolean zombie(long pid) {
        return ProcFiles.stat(pid).map(ProcFiles.Stat::zombie).orElse(false); // no /proc: isAlive decides
    }

    /** Whether opening it again finds the same remote shell (it runs inside a remote multiplexer). */
    public boolean reopensItself() {
        return !spec.shellCommand().isEmpty();
    }

    /** Whether the session lost its master and waits for a new one. */
    public boolean lost() {
        synchronized (lock) {
            return lost;
        }
    }

    /**
     * Opens the lost session again through the live master at {@code socket} ({@code pid}): a new
     * MUX_C_NEW_SESSION on the same PTY, so the screen goes on where it was. A session inside a
     * remote multiplexer finds it again; a plain one gets a new shell below the old screen, with a
     * line saying so. Keys typed while it was lost went nowhere. Waits on the master
     * (up to {@code timeout} per answer): not on a UI thread. Does nothing to a session not lost.
     */
    public void reopen(Path socket, long pid, Duration timeout) throws IOException {
        synchronized (reopening) {
            synchronized (lock) {
                if (!lost || end != null) {
                    return;
                }
            }
            FileDescriptor slave = pty.getSlaveFD();
            // the master copies the slave's modes into the remote pty request: the user's normal ones
            pty.setAttr(cookedModes);
            MuxSession next;
            try {
                next = MuxClient.connect(socket, timeout).openSession(spec.reopened().toRequest(true), slave,
                        output.theirs(), output.theirs());
            } finally {
                pty.setAttr(TerminalModes.raw(cookedModes));
            }
            if (spec.shellCommand().isEmpty()) {
                note("connection back: a new shell (the old one was lost with its connection)");
            }
            offer = null;
            WinchRelay old = winch;
            winch = new WinchRelay(pid);
            old.close();
            masterPid = pid;
            session = next;
            boolean closing;
            synchronized (lock) {
                closing = closedByUs || end != null;
                lost = false;
                input.discarding(false);
            }
            if (closing) {
                next.close();
            }
            Thread ending = new Thread(this::awaitEnd, "jhosts-session-end");
            ending.setDaemon(true);
            ending.start();
            winch.resized();
            listener.reopened();
        }
    }

    /** Where a lost session may be opened again, once the user says so with Enter. */
    private record Offer(Path socket, long pid, Duration timeout) {}

    private volatile Offer offer;

    /**
     * The master of a lost session whose remote shell cannot come back (no multiplexer) is live
     * at {@code socket} again: the screen says that Enter opens a new shell, and an Enter typed
     * in the session from now on opens it ({@link #reopen}); coming back to it from the list
     * does too, through the caller. Never without the user's Enter.
     */
    public void offerReopen(Path socket, long pid, Duration timeout) {
        synchronized (lock) {
            if (!lost || end != null) {
                return;
            }
        }
        offer = new Offer(socket, pid, timeout);
        note("connection back: Enter opens a new shell (this screen stays above it)");
    }

    /** The keys to the PTY, an Enter also taking up an {@link #offerReopen offer} (off the keyboard's thread). */
    private OutputStream keysWatchingForAnOffer(OutputStream keys) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                Offer taken = offer;
                if (taken != null) {
                    for (int i = offset; i < offset + length; i++) {
                        if (bytes[i] == '\r' || bytes[i] == '\n') {
                            takeOffer(taken);
                            return; // this Enter (and what came with it) was the answer, not a command
                        }
                    }
                }
                keys.write(bytes, offset, length);
            }
        };
    }

    private void takeOffer(Offer taken) {
        if (offer != taken) {
            return;
        }
        offer = null;
        Thread opening = new Thread(() -> {
            try {
                reopen(taken.socket(), taken.pid(), taken.timeout());
            } catch (IOException | RuntimeException e) {
                note("the new shell could not be opened (" + e.getMessage() + "); " + EscapeScanner.name(escapeChar)
                        + ". leaves");
            }
        }, "jhosts-session-reopen");
        opening.setDaemon(true);
        opening.start();
    }

    /** jhosts' own line on the session's screen (the terminal while attached, and the model). */
    private void note(String text) {
        byte[] line = ("\r\n\033[0;7m jhosts: " + text + " \033[0m\r\n").getBytes(StandardCharsets.UTF_8);
        synchronized (lock) {
            if (abandoned) {
                return;
            }
            try {
                if (sink != null) {
                    sink.write(line);
                    sink.flush();
                }
                screen.offer(line, line.length);
            } catch (IOException e) {
                // the terminal went away: the model has it for the next attach
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The session's end: the output drained (or given up), the PTY freed, the listener told. */
    private void finish(SessionEnd ended) {
        synchronized (lock) {
            if (end != null || finishing) {
                return;
            }
            finishing = true;
        }
        // a key or an answer still being written into a PTY nobody reads is read off our slave
        input.close(pty.getSlaveFD());
        try {
            // closes the descriptor itself, so JLine's own close of it later does nothing
            new FileInputStream(pty.getSlaveFD()).close();
        } catch (IOException alreadyClosed) {
            // nothing to close
        }
        // the output ends once the master's copy of its end is closed too
        output.letGoOfTheirs();
        try {
            if (!outputDone.await(closedByUs ? DRAIN_AFTER_CLOSE_MILLIS : DRAIN_MILLIS, TimeUnit.MILLISECONDS)) {
                synchronized (lock) {
                    abandoned = true;
                    sink = null;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        BridgeEnd over = new BridgeEnd(ended, closedByUs);
        synchronized (lock) {
            end = over;
            if (attachment != null) {
                attachment.complete(new AttachEnd.Ended(over));
            }
        }
        winch.close();
        screen.close();
        closePty();
        listener.ended(over);
    }

    /** MUX_S_TTY_ALLOC_FAIL: the user's normal modes from now on, at once if attached. */
    private void ttyRefused() {
        ttyRefused = true;
        NormalModesWithoutPty modes = attachedModes;
        if (modes != null) {
            modes.enter();
        }
    }

    private void closePty() {
        try {
            pty.close();
        } catch (IOException e) {
            // closing a PTY fails only when it is closed already
        }
        output.close();
    }

    /** On the keyboard pump's thread. */
    private void escape(EscapeScanner.Command command, CompletableFuture<AttachEnd> leaving, boolean detachable)
            throws IOException {
        String name = EscapeScanner.name(escapeChar);
        switch (command) {
            case CLOSE -> {
                writeLocal((name + ".\r\n").getBytes(StandardCharsets.US_ASCII));
                // the master may not answer: closing the control connection ends the wait for it
                close();
            }
            case LIST -> writeLocal(EscapeScanner.help(escapeChar, keys, detachable).getBytes(StandardCharsets.UTF_8));
            case CANNOT_DETACH -> writeLocal(("\r\n" + name + "^Z: no list to go back to here\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            case DETACH -> leaving.complete(new AttachEnd.Detached(AttachEnd.Toward.LIST));
            case NEXT -> leaving.complete(new AttachEnd.Detached(AttachEnd.Toward.NEXT));
            case PREVIOUS -> leaving.complete(new AttachEnd.Detached(AttachEnd.Toward.PREVIOUS));
        }
    }

    /** jhosts' own text on the terminal between two chunks of the session's output. */
    private void writeLocal(byte[] text) throws IOException {
        synchronized (lock) {
            if (sink != null) {
                sink.write(text);
                sink.flush();
            }
        }
    }

    private void giveBack(byte[] bytes, int offset, int length) {
        if (terminal.input() instanceof ConsoleInput console) {
            console.giveBack(bytes, offset, length);
        }
    }

    private static void stopKeyboard(KeyboardPump keyboard) {
        try {
            keyboard.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The terminal's input without a reader thread of our own when JLine already gives one. */
    private NonBlockingInputStream keyboard() {
        InputStream input = terminal.input();
        if (input instanceof NonBlockingInputStream nonBlocking) {
            return nonBlocking;
        }
        return NonBlocking.nonBlocking(terminal.getName(), input);
    }

    private void resize() {
        try {
            Size size = terminal.getSize();
            synchronized (lock) {
                pty.setSize(size);
                ptySize = size;
                // in the output's order: what the program draws after its SIGWINCH is at the new size
                screen.resize(Math.max(1, size.getColumns()), Math.max(1, size.getRows()));
            }
            winch.resized();
        } catch (IOException e) {
            // the PTY is closing: the session is ending anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The user's normal modes for a session the server refused a pty, and Ctrl-C's SIGINT closing it. */
    private final class NormalModesWithoutPty {
        private boolean entered;
        private SignalHandler previousInterrupt = SignalHandler.SIG_DFL;

        synchronized void enter() {
            if (entered) {
                return;
            }
            entered = true;
            previousInterrupt = terminal.handle(Signal.INT, signal -> BridgedSession.this.close());
            terminal.setAttributes(cookedModes);
        }

        synchronized void leave() {
            if (entered) {
                terminal.handle(Signal.INT, previousInterrupt);
                entered = false;
            }
        }
    }
}
