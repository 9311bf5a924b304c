package dev.jhosts.demo;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Makes the stuck host's master stuck: {@link #FREEZE_AFTER} after a master for it comes up, the
 * master's process is stopped (SIGSTOP). A server that merely stops answering would not do: a
 * master's MUX_C_ALIVE_CHECK is answered by the local ssh process itself (mux.c,
 * mux_master_process_alive_check), and a master whose server went silent exits after
 * ServerAliveInterval × ServerAliveCountMax instead of hanging. A stopped master is what a stuck
 * one is to jhosts: its socket accepts connections and nothing answers. Each connection the stuck
 * server authenticates makes the freezer look for the master (a plain ssh to the host is no master
 * and is left alone).
 */
final class StuckMasterFreezer implements AutoCloseable {
    /** How long the stuck host's master answers before it is stopped. */
    static final Duration FREEZE_AFTER = Duration.ofSeconds(10);
    /** How long after an authentication a master is looked for. */
    private static final Duration LOOK_FOR = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 250;

    private final Supplier<OptionalLong> masterPid;
    private final Set<Long> frozen = ConcurrentHashMap.newKeySet();
    private final ExecutorService watches = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "jhosts-demo-freezer");
        thread.setDaemon(true);
        return thread;
    });

    /** @param masterPid the pid of the stuck host's live master, when one answers now */
    StuckMasterFreezer(Supplier<OptionalLong> masterPid) {
        this.masterPid = masterPid;
    }

    /** A connection to the stuck host authenticated: if it is (or becomes) a master, freeze it in a while. */
    void authenticated() {
        try {
            watches.submit(this::watch);
        } catch (RejectedExecutionException closing) {
            // the demo is ending
        }
    }

    private void watch() {
        long deadline = System.nanoTime() + LOOK_FOR.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                OptionalLong pid = masterPid.get();
                if (pid.isPresent() && !frozen.contains(pid.getAsLong())) {
                    Thread.sleep(FREEZE_AFTER.toMillis());
                    freezeIfStillThere(pid.getAsLong());
                    return;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the master if it is still the stuck host's, an ssh process, and not stopped yet. */
    private void freezeIfStillThere(long pid) {
        OptionalLong now = masterPid.get();
        if (now.isEmpty() || now.getAsLong() != pid || !isSsh(pid) || !frozen.add(pid)) {
            return;
        }
        Signals.send(pid, Signals.SIGSTOP);
    }

    private static boolean isSsh(long pid) {
        Optional<String> command = ProcessHandle.of(pid).flatMap(process -> process.info().command());
        return command.map(path -> path.endsWith("/ssh") || path.equals("ssh")).orElse(true);
    }

    /** The pids this freezer stopped (the demo's end wakes and kills them). */
    Set<Long> frozen() {
        return Set.copyOf(frozen);
    }

    @Override
    public void close() {
        watches.shutdownNow();
    }
}
