package dev.jhosts.run;

import dev.jhosts.master.LiveMaster;
import dev.jhosts.master.MasterException;
import dev.jhosts.master.MasterState;
import dev.jhosts.master.Masters;
import dev.jhosts.mux.MuxClient;
import dev.jhosts.mux.MuxException;
import dev.jhosts.mux.MuxSession;
import dev.jhosts.mux.PipedSession;
import dev.jhosts.mux.SessionEnd;
import dev.jhosts.mux.SessionRequest;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The command on one host: a session through the host's master on socket pairs of this process
 * (no ssh process), its output read as it comes, its input written, its end awaited; stopped
 * on request (the user, the timeout) with a hangup of its process group on the host.
 */
final class HostRun {
    /** How long the hangup's own session may take. */
    private static final Duration HANGUP_LIMIT = Duration.ofSeconds(5);
    /** How long the output may keep coming after the session's end (a child holding the pipes open). */
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(5);
    /** How long a stop waits for the shell's pid line, which is the first thing it prints. */
    private static final Duration PID_WAIT = Duration.ofSeconds(3);
    private static final int STACK_BYTES = 256 * 1024;
    /** What ssh exits with when the connection is lost; a command may exit with it too. */
    private static final int MASTER_GONE_STATUS = 255;

    /** Why a run was stopped. */
    enum Stop { CUT, TIMED_OUT }

    /** What a stop found. */
    enum Stopped {
        /** It had ended, or was stopped already. */
        NOTHING,
        /** Its session had not opened: it never will. */
        BEFORE_IT_BEGAN,
        /** It ran: hung up, its session closed; its result follows. */
        WHILE_RUNNING
    }

    private final String alias;
    private final RunRequest request;
    private final RunListener listener;
    private final Duration muxTimeout;
    private final Object lock = new Object();
    private final CountDownLatch pidSettled = new CountDownLatch(1);
    private final Capture stdout;
    private final Capture stderr;
    private volatile long remotePid;
    // guarded by lock
    private PipedSession session;
    private LiveMaster master;
    private Stop stop;
    private boolean ended;

    HostRun(String alias, RunRequest request, RunListener listener, Duration muxTimeout) {
        this.alias = alias;
        this.request = request;
        this.listener = listener;
        this.muxTimeout = muxTimeout;
        this.stdout = new Capture(request.capture());
        this.stderr = new Capture(request.capture());
    }

    String alias() {
        return alias;
    }

    /** Runs the command once the host's master is {@code state}; never throws. */
    HostResult run(MasterState state, Masters masters, ScheduledExecutorService timer) {
        synchronized (lock) {
            if (stop != null) {
                return result(new HostOutcome.Cut(false), Duration.ZERO);
            }
        }
        if (!(state instanceof MasterState.Live)) {
            return result(new HostOutcome.Unreachable(MasterText.describe(alias, state)), Duration.ZERO);
        }
        Optional<LiveMaster> live;
        try {
            live = masters.live(alias);
        } catch (MasterException e) {
            return result(new HostOutcome.Unreachable(e.getMessage()), Duration.ZERO);
        }
        if (live.isEmpty()) {
            return result(new HostOutcome.Unreachable("its master went away"), Duration.ZERO);
        }
        PipedSession opened;
        try {
            opened = MuxClient.connect(live.get().socket(), muxTimeout)
                    .openPipedSession(SessionRequest.forCommand(RemoteCommand.wrapped(request.command(), request.hangup())));
        } catch (MuxException.Failure refused) {
            return result(new HostOutcome.Refused(refused.reason()), Duration.ZERO);
        } catch (MuxException e) {
            return result(new HostOutcome.Refused(e.getMessage()), Duration.ZERO);
        }
        long began = System.nanoTime();
        boolean stoppedMeanwhile;
        synchronized (lock) {
            session = opened;
            master = live.get();
            stoppedMeanwhile = stop != null;
        }
        listener.running(alias);
        Thread out;
        Thread err;
        try {
            out = reader(opened.output(), OutputKind.STDOUT, stdout, request.hangup());
            err = reader(opened.errors(), OutputKind.STDERR, stderr, false);
        } catch (IOException e) {
            opened.close();
            return result(new HostOutcome.Refused("cannot read the session's output: " + e.getMessage()), elapsed(began));
        }
        Thread in = writer(opened);
        if (stoppedMeanwhile) {
            hangUpAndClose(opened, live.get());
        }
        ScheduledFuture<?> deadline = request.timed()
                ? timer.schedule(() -> stop(Stop.TIMED_OUT), request.timeout().toMillis(), TimeUnit.MILLISECONDS)
                : null;
        SessionEnd end;
        try {
            end = opened.awaitEnd();
        } catch (MuxException e) {
            end = null;
        }
        Stop why;
        synchronized (lock) {
            ended = true;
            why = stop;
        }
        if (deadline != null) {
            deadline.cancel(false);
        }
        join(out, err);
        opened.close();
        if (in != null) {
            in.interrupt();
        }
        Duration took = elapsed(began);
        HostOutcome outcome = outcome(why, end);
        if (outcome instanceof HostOutcome.NoExitStatus
                || outcome instanceof HostOutcome.Failed failed && failed.status() == MASTER_GONE_STATUS) {
            outcome = masterGone(masters, live.get()).<HostOutcome>map(HostOutcome.ConnectionLost::new).orElse(outcome);
        }
        return result(outcome, took);
    }

    /**
     * Whether the master the command ran on has gone, checked over its socket (MUX_C_ALIVE_CHECK):
     * what became of it, or empty when it still answers with the same pid (the command itself
     * ended without a status, or exited 255).
     */
    private Optional<String> masterGone(Masters masters, LiveMaster ranOn) {
        try {
            Optional<LiveMaster> now = masters.live(alias);
            if (now.isEmpty()) {
                return Optional.of("the master died while the command ran");
            }
            return now.get().pid() == ranOn.pid() ? Optional.empty()
                    : Optional.of("the master was replaced while the command ran");
        } catch (MasterException e) {
            return Optional.of("the master no longer answers: " + e.getMessage());
        }
    }

    private HostOutcome outcome(Stop why, SessionEnd end) {
        if (why == Stop.TIMED_OUT) {
            return new HostOutcome.TimedOut(request.timeout());
        }
        if (why == Stop.CUT) {
            return new HostOutcome.Cut(true);
        }
        if (end == null || !end.exitMessageReceived()) {
            return new HostOutcome.NoExitStatus();
        }
        return end.status() == 0 ? new HostOutcome.Succeeded() : new HostOutcome.Failed(end.status());
    }

    /**
     * Stops the command: a hangup of its process group on the host, then the session closed.
     * Before the session opened, only notes it (the run then never begins); after its end, does
     * nothing.
     */
    Stopped stop(Stop reason) {
        PipedSession target;
        LiveMaster via;
        synchronized (lock) {
            if (stop != null || ended) {
                return Stopped.NOTHING;
            }
            stop = reason;
            target = session;
            via = master;
        }
        if (target == null) {
            return Stopped.BEFORE_IT_BEGAN;
        }
        hangUpAndClose(target, via);
        return Stopped.WHILE_RUNNING;
    }

    private void hangUpAndClose(PipedSession target, LiveMaster via) {
        if (request.hangup()) {
            hangUp(via);
        }
        target.close();
    }

    /** SIGHUP to the command's process group, from a second session on the same master, bounded in time. */
    private void hangUp(LiveMaster via) {
        try {
            if (!pidSettled.await(PID_WAIT.toMillis(), TimeUnit.MILLISECONDS) || remotePid <= 0) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try (FileInputStream nothing = new FileInputStream("/dev/null");
             FileOutputStream discard = new FileOutputStream("/dev/null")) {
            MuxSession hangup = MuxClient.connect(via.socket(), muxTimeout).openSession(
                    SessionRequest.forCommand(RemoteCommand.hangupCommand(remotePid)),
                    nothing.getFD(), discard.getFD(), discard.getFD());
            Thread waiter = thread("hangup", () -> {
                try {
                    hangup.awaitEnd();
                } catch (MuxException ignored) {
                    // the hangup was sent or not; the session is closed next either way
                }
            });
            waiter.join(HANGUP_LIMIT.toMillis());
            hangup.close();
        } catch (IOException e) {
            // no hangup: the master is gone, or refuses; closing the session is all that is left
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Thread reader(InputStream stream, OutputKind kind, Capture capture, boolean pidLineFirst) {
        return thread(kind.name().toLowerCase(Locale.ROOT), () -> {
            byte[] buffer = new byte[16 * 1024];
            try {
                if (pidLineFirst) {
                    readPidLine(stream, kind, capture);
                }
                for (int n; (n = stream.read(buffer)) >= 0; ) {
                    emit(kind, capture, buffer, 0, n);
                }
            } catch (IOException closed) {
                // the session was closed from this side
            } finally {
                if (pidLineFirst) {
                    pidSettled.countDown();
                }
            }
        });
    }

    /** The first line, when it is the pid's, is noted and left out; anything else is output. */
    private void readPidLine(InputStream stream, OutputKind kind, Capture capture) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(RemoteCommand.MARKER_MAX);
        while (head.size() < RemoteCommand.MARKER_MAX) {
            int b = stream.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            if (b == '\n') {
                break;
            }
        }
        byte[] bytes = head.toByteArray();
        OptionalLong pid = RemoteCommand.pidOf(bytes, bytes.length);
        if (pid.isPresent()) {
            remotePid = pid.getAsLong();
        } else if (bytes.length > 0) {
            emit(kind, capture, bytes, 0, bytes.length);
        }
        pidSettled.countDown();
    }

    private void emit(OutputKind kind, Capture capture, byte[] bytes, int offset, int length) {
        capture.add(bytes, offset, length);
        listener.output(alias, kind, bytes, offset, length);
    }

    /** Writes the input, then its end; with no input, only its end. */
    private Thread writer(PipedSession opened) {
        if (request.inputLength() == 0) {
            try {
                opened.endInput();
            } catch (IOException ignored) {
                // the session is gone already
            }
            return null;
        }
        return thread("stdin", () -> {
            try {
                OutputStream in = opened.input();
                in.write(request.inputShared());
                in.flush();
                opened.endInput();
            } catch (IOException ignored) {
                // the command stopped reading (it ended, or closed its stdin)
            }
        });
    }

    private static void join(Thread first, Thread second) {
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        try {
            first.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            second.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Thread thread(String what, Runnable body) {
        Thread thread = new Thread(null, body, "jhosts-run-" + alias + "-" + what, STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static Duration elapsed(long since) {
        return Duration.ofNanos(System.nanoTime() - since);
    }

    private HostResult result(HostOutcome outcome, Duration took) {
        return new HostResult(alias, outcome, took, stdout.captured(), stderr.captured());
    }

    /** Output kept for the result, when the request wants it, up to {@link Captured#LIMIT}. */
    private static final class Capture {
        private final boolean enabled;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private boolean truncated;

        Capture(boolean enabled) {
            this.enabled = enabled;
        }

        synchronized void add(byte[] data, int offset, int length) {
            if (!enabled) {
                return;
            }
            int room = Captured.LIMIT - bytes.size();
            if (length > room) {
                truncated = true;
            }
            bytes.write(data, offset, Math.max(0, Math.min(room, length)));
        }

        synchronized Captured captured() {
            return enabled ? new Captured(bytes.toByteArray(), truncated) : Captured.NOTHING;
        }
    }
}
