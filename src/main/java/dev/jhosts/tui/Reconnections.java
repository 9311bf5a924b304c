package dev.jhosts.tui;

import dev.jhosts.master.LiveMaster;
import dev.jhosts.master.MasterEvent;
import dev.jhosts.master.MasterException;
import dev.jhosts.master.MasterState;
import dev.jhosts.master.Masters;
import dev.jhosts.mux.Forward;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Makes masters again for hosts whose sessions lost theirs, once per jhosts (the server), not
 * once per picker. One thread per such host: it waits, launches the master in the background
 * (never prompting), and waits twice as long after each failure, from {@link #FIRST_DELAY} up to
 * {@link #LONGEST_DELAY}.
 * It tries again at once when a master of that host becomes live some other way (the user's
 * Enter, {@code jhosts master start}), when a probe sees the host answer ({@link #hostSeen}), when
 * the path comes back (every {@link #PATH_WATCH} a TCP connect to where ssh connects first, the
 * host or its first jump hop, which found nothing before and finds a listener now), or when the
 * machine wakes from sleep: the wall clock then jumps against the monotonic one, which stands
 * still while the machine sleeps. A host whose master needs the user is left to the
 * user (its rows say so) until a master of it is live. The thread ends when the host has no
 * lost session left, so a host that stays down costs a launch per {@link #LONGEST_DELAY} and
 * nothing in between.
 */
public final class Reconnections implements AutoCloseable {
    /** Where the news goes: the sessions. */
    public interface Renewal {
        /** A master of {@code alias} is live again at {@code socket} ({@code pid}). */
        void masterBack(String alias, Path socket, long pid);

        /** Its master needs the user (a password, an OTP): nothing more is tried in the background. */
        void needsYou(String alias);

        /** Whether {@code alias} still has sessions that lost their master. */
        boolean waiting(String alias);
    }

    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration LONGEST_DELAY = Duration.ofSeconds(30);
    /** The longest single wait: how late a wake from sleep may be noticed. */
    private static final long SLICE_MILLIS = 5_000;
    /** A wall clock this much ahead of the monotonic one over one wait: the machine slept. */
    private static final long JUMP_MILLIS = 3_000;
    /** Between tries, how often the path to the host's first hop is looked at (a TCP connect). */
    static final Duration PATH_WATCH = Duration.ofSeconds(1);
    private static final int PATH_CONNECT_MILLIS = 1_000;

    private final Masters masters;
    private final Duration firstDelay;
    private final Duration longestDelay;
    private final Duration launchLimit;
    private final Renewal renewal;
    private final Consumer<String> problems;
    private final Map<String, Host> hosts = new ConcurrentHashMap<>();
    private final Consumer<MasterEvent> masterEvents = this::onMasterEvent;
    private volatile boolean closed;

    /**
     * @param launchLimit how long one launch may take before the next try (ssh's own
     *     ConnectTimeout bounds it first)
     * @param problems where a forward the new master refuses is told (the pickers' status lines)
     */
    public Reconnections(Masters masters, Duration launchLimit, Renewal renewal, Consumer<String> problems) {
        this(masters, launchLimit, renewal, problems, FIRST_DELAY);
    }

    /** As above, the first try {@code firstDelay} after the loss (tests: a try that only the path's return brings sooner). */
    Reconnections(Masters masters, Duration launchLimit, Renewal renewal, Consumer<String> problems,
            Duration firstDelay) {
        this.firstDelay = firstDelay;
        this.longestDelay = firstDelay.compareTo(LONGEST_DELAY) > 0 ? firstDelay : LONGEST_DELAY;
        this.masters = masters;
        this.problems = problems;
        this.launchLimit = launchLimit;
        this.renewal = renewal;
        masters.addListener(masterEvents);
    }

    /**
     * A session of {@code alias} lost its master: a master is made again (if not under way). The
     * forwards jhosts had opened on the old one are read now, before anything forgets them, and
     * opened on the new one.
     */
    public void lost(String alias) {
        if (closed) {
            return;
        }
        List<Forward> forwards = List.of();
        try {
            forwards = masters.openedByJhosts(alias);
        } catch (MasterException e) {
            // no ControlPath: no master, no forwards
        }
        List<Forward> opened = forwards;
        hosts.computeIfAbsent(alias, name -> {
            Host host = new Host(name, opened);
            Thread thread = new Thread(host::run, "jhosts-reconnect-" + name);
            thread.setDaemon(true);
            thread.start();
            return host;
        });
    }

    /** A probe saw {@code alias} answer: the next try is now. */
    public void hostSeen(String alias) {
        Host host = hosts.get(alias);
        if (host != null) {
            host.now();
        }
    }

    /** The live master of {@code alias}, looked at now (it waits on the master up to alive-check-timeout). */
    public Optional<LiveMaster> liveMaster(String alias) {
        try {
            if (masters.refresh(alias) instanceof MasterState.Live live) {
                return Optional.of(new LiveMaster(masters.controlPath(alias).socket(), live.pid()));
            }
        } catch (MasterException | RuntimeException e) {
            // no ControlPath: no master
        }
        return Optional.empty();
    }

    /** Whether a master of {@code alias} is being made again; for tests and the status pane. */
    public boolean underWay(String alias) {
        return hosts.containsKey(alias);
    }

    private void onMasterEvent(MasterEvent event) {
        if (event.state() instanceof MasterState.Live) {
            hostSeen(event.alias());
        }
    }

    @Override
    public void close() {
        closed = true;
        masters.removeListener(masterEvents);
        hosts.values().forEach(Host::now);
    }

    /** One host's tries, on its own thread. */
    private final class Host {
        private final String alias;
        private final List<Forward> forwards;
        private boolean wake; // guarded by this
        private PathWatch path = new PathWatch(Optional.empty()); // this host's thread only

        Host(String alias, List<Forward> forwards) {
            this.alias = alias;
            this.forwards = forwards;
        }

        synchronized void now() {
            wake = true;
            notifyAll();
        }

        void run() {
            Duration delay = firstDelay;
            boolean leftToUser = false;
            try {
                try {
                    path = new PathWatch(masters.firstHop(alias));
                } catch (MasterException unknown) {
                    path = new PathWatch(Optional.empty());
                }
                while (!closed && renewal.waiting(alias)) {
                    if (!await(delay) && leftToUser) {
                        // waiting for a master the user makes; looked at only when woken
                        delay = longestDelay;
                        continue;
                    }
                    if (closed) {
                        return;
                    }
                    MasterState state = leftToUser ? masters.refresh(alias) : launch();
                    if (state instanceof MasterState.Live live) {
                        Path socket = masters.controlPath(alias).socket();
                        openForwards(socket);
                        renewal.masterBack(alias, socket, live.pid());
                        return;
                    }
                    if (state instanceof MasterState.Failed failed && failed.needsPrompt()) {
                        if (!leftToUser) {
                            leftToUser = true;
                            renewal.needsYou(alias);
                        }
                        delay = longestDelay;
                    } else {
                        delay = delay.multipliedBy(2).compareTo(longestDelay) > 0 ? longestDelay : delay.multipliedBy(2);
                    }
                }
            } catch (MasterException | RuntimeException e) {
                // the host's ControlPath cannot be made: its sessions stay lost, ~. ends them
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                hosts.remove(alias, this);
                if (!closed && renewal.waiting(alias) && !leftToUser) {
                    // a session lost while this thread was ending
                    lost(alias);
                }
            }
        }

        /** The old master's forwards of jhosts' own, on the new one; one it refuses is told, the rest opened. */
        private void openForwards(Path socket) {
            java.util.Set<Forward> all = new java.util.LinkedHashSet<>(forwards);
            try {
                // also those whose record was put aside after the snapshot was taken (a master found dead)
                all.addAll(masters.openedByJhosts(alias));
            } catch (MasterException e) {
                // the snapshot's then
            }
            for (Forward forward : all) {
                try {
                    masters.openForward(socket, forward);
                } catch (MasterException e) {
                    problems.accept(alias + ": not opened again: " + e.getMessage());
                }
            }
        }

        private MasterState launch() throws InterruptedException {
            try {
                return masters.start(alias).get(launchLimit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                return new MasterState.Failed(String.valueOf(e.getMessage()), false);
            }
        }

        /**
         * Waits {@code delay}, in slices so that a wake from sleep is seen soon after it, and
         * the path looked at between them. Returns true when woken (by {@link #now}, a jump of
         * the wall clock, the path come back) rather than by the time.
         */
        private boolean await(Duration delay) throws InterruptedException {
            long left = delay.toMillis();
            while (true) {
                synchronized (this) {
                    if (left <= 0 || wake || closed) {
                        boolean woken = wake;
                        wake = false;
                        return woken;
                    }
                    long slice = Math.min(left, path.known() ? PATH_WATCH.toMillis() : SLICE_MILLIS);
                    long wallBefore = System.currentTimeMillis();
                    long monoBefore = System.nanoTime();
                    wait(slice);
                    long monoSpent = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - monoBefore);
                    long wallSpent = System.currentTimeMillis() - wallBefore;
                    if (wallSpent - monoSpent > JUMP_MILLIS) {
                        wake = true;
                    }
                    left -= monoSpent;
                    if (wake || closed || left <= 0) {
                        continue;
                    }
                }
                // outside the lock: a connect may take its time, and now() must not wait for it
                if (path.cameBack()) {
                    now();
                }
            }
        }
    }

    /**
     * The path to where ssh connects first for a host: a TCP connect that found nothing before
     * and finds a listener now means it came back. A host that answers all along (its sshd
     * refusing, not the network) never counts as come back: the backoff alone paces its tries.
     */
    private static final class PathWatch {
        private final Optional<InetSocketAddress> firstHop;
        private boolean downBefore;

        PathWatch(Optional<InetSocketAddress> firstHop) {
            this.firstHop = firstHop;
        }

        boolean known() {
            return firstHop.isPresent();
        }

        boolean cameBack() {
            if (firstHop.isEmpty()) {
                return false;
            }
            boolean up = answers(firstHop.get());
            boolean back = up && downBefore;
            downBefore = !up;
            return back;
        }

        private static boolean answers(InetSocketAddress unresolved) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(unresolved.getHostString(), unresolved.getPort()),
                        PATH_CONNECT_MILLIS);
                return true;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
    }
}
