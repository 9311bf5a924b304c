package dev.jhosts.tui;

import dev.jhosts.catalog.SshOptionsResolver;
import dev.jhosts.master.HostConfigs;
import dev.jhosts.tui.state.UiEvent;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs {@code ssh -G} for the details area on one background thread. Only the latest request
 * waits: scrolling fast past twenty hosts runs ssh for the one the user stops on (and the one
 * already running), never a queue of twenty. Results come back as events.
 */
final class DetailsLookup implements AutoCloseable {
    private final HostConfigs hosts;
    private final Consumer<UiEvent> events;
    private final AtomicReference<String> latest = new AtomicReference<>();
    private final Object signal = new Object();
    private volatile boolean closed;

    DetailsLookup(HostConfigs hosts, Consumer<UiEvent> events) {
        this.hosts = hosts;
        this.events = events;
        Thread worker = new Thread(this::work, "jhosts-ssh-G");
        worker.setDaemon(true);
        worker.start();
    }

    void request(String alias) {
        latest.set(alias);
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private void work() {
        while (!closed) {
            String alias = latest.getAndSet(null);
            if (alias == null) {
                synchronized (signal) {
                    try {
                        signal.wait(1000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                continue;
            }
            try {
                events.accept(new UiEvent.DetailsResolved(alias, hosts.resolve(alias)));
            } catch (SshOptionsResolver.ResolveException e) {
                events.accept(new UiEvent.DetailsFailed(alias, e.getMessage()));
            } catch (RuntimeException e) {
                events.accept(new UiEvent.DetailsFailed(alias, String.valueOf(e.getMessage())));
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (signal) {
            signal.notifyAll();
        }
    }
}
