package dev.jhosts.server;

import com.googlecode.lanterna.TerminalSize;
import dev.jhosts.session.CookedModes;
import dev.jhosts.terminal.ProcFiles;
import dev.jhosts.terminal.TerminalDevice;
import dev.jhosts.tui.JhostsApp;
import dev.jhosts.tui.terminal.OutputOnlyScreen;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jline.nativ.CLibrary;
import org.jline.terminal.Attributes;
import org.newsclub.net.unix.FileDescriptorCast;

/**
 * Pickers' first frames drawn on the terminals of clients that are still starting, as the
 * launcher asks ({@link PreviewRequests}): the frame shows while the client's JVM starts; the
 * client then says hello as always, and its picker takes the terminal over from the frame
 * ({@link #claim}). A preview changes no mode: the terminal stays as its user left it, cooked,
 * so a key typed meanwhile waits in it for the picker (or, Ctrl-C, stops the client as before).
 * It reads one key alone: Enter typed on the frame by itself, which the cooked terminal holds as
 * a line of one byte, opens the session it would open in the picker at once, and the picker
 * shows that session when it comes ({@link Pickers#openAtFirstFrame}). A preview nobody claims
 * is withdrawn (the main screen back) once its process has gone or stopped, or after
 * {@link #UNCLAIMED}; a session its Enter opened goes on in the server.
 *
 * <p>One process, one preview at most, and none after its hello: the hello of a process claims
 * it even before its preview is drawn, and waits for a drawing under way.
 */
final class Previews implements AutoCloseable {
    private static final Duration UNCLAIMED = Duration.ofSeconds(10);
    private static final long WATCH_MILLIS = 100;
    /** How often a frame's terminal is asked whether Enter was typed (FIONREAD, one ioctl). */
    private static final long ENTER_POLL_MILLIS = 4;
    /** The processes whose hello came, remembered so that a request read late draws nothing. */
    private static final int CLAIMS_REMEMBERED = 256;

    private final Pickers pickers;
    private final PrintStream log;
    private final Map<Long, Preview> pending = new HashMap<>(); // guarded by this
    private final Map<Long, Long> claimed = new LinkedHashMap<>() { // guarded by this: pid to start time
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
            return size() > CLAIMS_REMEMBERED;
        }
    };
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "jhosts-server-previews");
        thread.setDaemon(true);
        return thread;
    });
    private boolean watching; // guarded by this
    private boolean closed; // guarded by this

    Previews(Pickers pickers, PrintStream log) {
        this.pickers = pickers;
        this.log = log;
    }

    /**
     * Draws the first frame of a picker on the terminal of process {@code pid} (its standard
     * input, opened as {@code /proc/PID/fd/0}), for its {@code environment} and {@code directory},
     * on a thread of its own: unless its hello came already, it has a preview, it has gone or
     * stopped, or its terminal cannot be opened. The settings changed since the server started:
     * none either (that client is sent to a new server). A hello that comes before the frame is
     * drawn finds it registered, and no frame is drawn. {@code drawn} runs once the frame is out
     * (written to the terminal) or will not be drawn.
     */
    void show(long pid, Map<String, String> environment, Path directory, Runnable drawn) {
        Optional<ProcFiles.Stat> stat = ProcFiles.stat(pid);
        if (stat.isEmpty() || stat.get().zombie() || stat.get().stopped() || pickers.settingsChanged()) {
            drawn.run();
            return;
        }
        Preview preview = new Preview(pid, stat.get().startTime(), System.nanoTime());
        synchronized (this) {
            if (closed || pending.containsKey(pid) || Long.valueOf(stat.get().startTime()).equals(claimed.get(pid))) {
                drawn.run();
                return;
            }
            pending.put(pid, preview);
            watchSoon();
        }
        JhostsApp.Viewer viewer = new JhostsApp.Viewer("process " + pid, ClientEnvironment.allowed(environment),
                directory, true);
        // on a thread of its own: a terminal that does not drain (Ctrl-S) holds up its own frame only
        Thread drawing = new Thread(() -> {
            try {
                preview.draw(viewer);
            } finally {
                drawn.run();
            }
            preview.watchForEnter(viewer);
        }, "jhosts-server-preview-" + pid);
        drawing.setDaemon(true);
        drawing.start();
    }

    /**
     * The hello of process {@code pid} came: its preview, if it has one, waited for if it is
     * being drawn. Whatever the client is sent first withdraws it, unless {@link Claim#handOver}
     * said that a picker takes the terminal over.
     */
    Claim claim(long pid) {
        Preview preview;
        synchronized (this) {
            claimed.put(pid, ProcFiles.stat(pid).map(ProcFiles.Stat::startTime).orElse(-1L));
            preview = pending.remove(pid);
        }
        if (preview == null) {
            return Claim.NONE;
        }
        preview.claimed();
        return new Claim(Optional.of(preview));
    }

    /** A hello's preview: handed over to the picker that follows, or withdrawn. */
    static final class Claim {
        /** No preview. */
        static final Claim NONE = new Claim(Optional.empty());

        private final Optional<Preview> preview;

        private Claim(Optional<Preview> preview) {
            this.preview = preview;
        }

        /**
         * A picker takes the terminal over: the frame stays for it to draw again. Whether a
         * frame shows (the alternate screen is on): the picker takes it away should it end
         * before it has drawn.
         */
        boolean handOver() {
            return preview.map(Preview::handOver).orElse(false);
        }

        /** No picker follows: the terminal shows what it did before (nothing when handed over). */
        void withdraw() {
            preview.ifPresent(Preview::withdraw);
        }

        /** The session that Enter typed on the frame opened, for the picker to show first. */
        Optional<Long> sessionOpened() {
            return preview.flatMap(Preview::sessionOpened);
        }
    }

    /** Withdraws every preview left (the server ends). */
    @Override
    public void close() {
        List<Preview> left;
        synchronized (this) {
            closed = true;
            left = new ArrayList<>(pending.values());
            pending.clear();
        }
        left.forEach(Preview::withdraw);
        watch.shutdownNow();
    }

    private void watchSoon() {
        if (!watching) {
            watching = true;
            watch.schedule(this::checkPending, WATCH_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Withdraws the previews whose process has gone or stopped, or that waited too long. */
    private void checkPending() {
        List<Preview> unclaimed = new ArrayList<>();
        synchronized (this) {
            watching = false;
            pending.values().removeIf(preview -> {
                if (preview.abandoned()) {
                    unclaimed.add(preview);
                    return true;
                }
                return false;
            });
            if (!pending.isEmpty()) {
                watchSoon();
            }
        }
        unclaimed.forEach(Preview::withdraw);
    }

    /**
     * The number of {@code descriptor}, just opened on {@code device}: found in /proc/self/fd
     * when no other descriptor of this process leads to that terminal, which spares a cold
     * start's first frame junixsocket's initialisation (its native part, its address families);
     * junixsocket tells it otherwise.
     */
    private static int descriptorNumber(FileDescriptor descriptor, String device) throws IOException {
        OptionalInt found = ProcFiles.onlyOwnDescriptorTo(device);
        return found.isPresent() ? found.getAsInt() : FileDescriptorCast.using(descriptor).as(Integer.class);
    }

    /** One process's preview: its terminal, open while the frame shows and nobody has taken it. */
    private final class Preview {
        private final long pid;
        private final long startTime;
        private final long since;
        private Optional<RandomAccessFile> tty = Optional.empty(); // guarded by this
        private TerminalSize size = new TerminalSize(1, 1); // guarded by this: the frame's
        private int ttyNumber = -1; // guarded by this: tty's descriptor number
        private boolean claimed; // guarded by this
        private boolean ended; // guarded by this
        /** The session Enter on the frame opened; 0 for none (ids start at 1). */
        private long sessionOpened; // guarded by this

        Preview(long pid, long startTime, long since) {
            this.pid = pid;
            this.startTime = startTime;
            this.since = since;
        }

        /** Draws the frame, unless claimed meanwhile; a terminal that cannot be opened draws nothing. */
        synchronized void draw(JhostsApp.Viewer viewer) {
            if (claimed || ended) {
                return;
            }
            Optional<String> device = ProcFiles.target(pid, 0);
            if (device.isEmpty()) {
                return;
            }
            RandomAccessFile opened;
            try {
                opened = new RandomAccessFile(ProcFiles.descriptor(pid, 0).toFile(), "rw");
            } catch (IOException | SecurityException unopened) {
                return; // gone meanwhile, or a /proc that does not let it: its picker comes as ever
            }
            try {
                int number = descriptorNumber(opened.getFD(), device.get());
                CLibrary.WinSize size = new CLibrary.WinSize();
                if (CLibrary.isatty(number) != 1 || CLibrary.ioctl(number, CLibrary.TIOCGWINSZ, size) != 0
                        || size.ws_col <= 0 || size.ws_row <= 0) {
                    opened.close();
                    return;
                }
                tty = Optional.of(opened);
                ttyNumber = number;
                this.size = new TerminalSize(size.ws_col, size.ws_row);
                OutputStream out = new BufferedOutputStream(new FileOutputStream(opened.getFD()), 1 << 16);
                pickers.preview(viewer, out, this.size);
            } catch (IOException | RuntimeException | LinkageError e) {
                log.println("jhosts server: no first frame for process " + pid + ": " + e.getMessage());
                if (tty.isEmpty()) {
                    try {
                        opened.close();
                    } catch (IOException ignored) {
                        // it was never drawn on
                    }
                }
            }
        }

        /**
         * Until the frame is claimed or taken away: Enter typed on it by itself opens the session
         * it would open in the picker. The terminal is cooked, so it counts only whole lines as
         * readable (FIONREAD): one byte is a lone Enter. Anything else typed stays unread, for
         * the picker; so does that Enter when no session opens at once for it.
         */
        void watchForEnter(JhostsApp.Viewer viewer) {
            FileInputStream keys;
            Attributes cooked;
            synchronized (this) {
                if (claimed || ended || tty.isEmpty()) {
                    return;
                }
                try {
                    FileDescriptor descriptor = tty.get().getFD();
                    cooked = CookedModes.of(TerminalDevice.received(descriptor, ttyNumber));
                    // (never closed here: the descriptor is the frame's, closed with it)
                    keys = new FileInputStream(descriptor);
                } catch (IOException | RuntimeException | LinkageError unread) {
                    return;
                }
                if (!cooked.getLocalFlag(Attributes.LocalFlag.ICANON)) {
                    return; // a terminal that passes each key at once: a lone Enter cannot be told apart
                }
            }
            while (System.nanoTime() - since < UNCLAIMED.toNanos()) {
                synchronized (this) {
                    if (claimed || ended) {
                        return;
                    }
                    try {
                        int typed = keys.available();
                        if (typed > 0) {
                            if (typed == 1) {
                                openForEnter(keys, viewer, cooked);
                            }
                            return;
                        }
                    } catch (IOException gone) {
                        return;
                    }
                }
                try {
                    Thread.sleep(ENTER_POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        /**
         * The session for a lone Enter, opened under this monitor: a hello that comes meanwhile
         * waits for it, and its picker shows it. The Enter is read only once the session is open.
         */
        private void openForEnter(FileInputStream keys, JhostsApp.Viewer viewer, Attributes cooked) throws IOException {
            Optional<Long> opened = pickers.openAtFirstFrame(viewer, size, cooked);
            if (opened.isEmpty()) {
                return;
            }
            sessionOpened = opened.get();
            if (keys.available() > 0) {
                keys.read(); // that Enter was the session's opening: the picker must not act on it again
            }
        }

        synchronized Optional<Long> sessionOpened() {
            return sessionOpened == 0 ? Optional.empty() : Optional.of(sessionOpened);
        }

        /** Its hello came: a drawing under way ends first (this monitor). */
        synchronized void claimed() {
            claimed = true;
        }

        synchronized boolean handOver() {
            boolean shown = tty.isPresent() && !ended;
            end(false);
            return shown;
        }

        synchronized void withdraw() {
            if (sessionOpened != 0 && !ended) {
                log.println("jhosts server: the session Enter opened on the first frame of process " + pid
                        + " goes on unshown ('jhosts attach' shows it)");
            }
            end(true);
        }

        private void end(boolean leaveScreen) {
            if (ended) {
                return;
            }
            ended = true;
            tty.ifPresent(file -> {
                try (file) {
                    if (leaveScreen) {
                        OutputOnlyScreen.withdraw(new FileOutputStream(file.getFD()));
                    }
                } catch (IOException gone) {
                    // the terminal went away with its process
                }
            });
            tty = Optional.empty();
        }

        /** Whether its process has gone, stopped, or is another by now, or it waited too long. */
        boolean abandoned() {
            if (System.nanoTime() - since > UNCLAIMED.toNanos()) {
                return true;
            }
            Optional<ProcFiles.Stat> stat = ProcFiles.stat(pid);
            return stat.isEmpty() || stat.get().zombie() || stat.get().stopped() || stat.get().startTime() != startTime;
        }
    }
}
