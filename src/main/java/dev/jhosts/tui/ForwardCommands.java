package dev.jhosts.tui;

import dev.jhosts.master.ListedForward;
import dev.jhosts.master.MasterException;
import dev.jhosts.master.Masters;
import dev.jhosts.tui.state.UiEvent;
import dev.jhosts.tui.state.WorkNews;
import dev.jhosts.tui.state.WorkRequest;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** Lists, opens and cancels a master's forwards for the status pane, one at a time in the background. */
final class ForwardCommands implements AutoCloseable {
    private final Masters masters;
    private final Consumer<UiEvent> events;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "jhosts-forwards");
        thread.setDaemon(true);
        return thread;
    });

    ForwardCommands(Masters masters, Consumer<UiEvent> events) {
        this.masters = masters;
        this.events = events;
    }

    void run(WorkRequest request) {
        worker.execute(() -> events.accept(new UiEvent.Work(perform(request))));
    }

    private WorkNews perform(WorkRequest request) {
        if (request instanceof WorkRequest.ListForwards list) {
            try {
                return new WorkNews.ForwardsListed(list.socket(), masters.forwards(Path.of(list.socket()), list.aliases()));
            } catch (MasterException | RuntimeException e) {
                return new WorkNews.ForwardsUnavailable(list.socket(), String.valueOf(e.getMessage()));
            }
        } else if (request instanceof WorkRequest.OpenForward open) {
            try {
                ListedForward opened = masters.openForward(Path.of(open.socket()), open.forward());
                return new WorkNews.ForwardOpened(open.socket(), opened);
            } catch (MasterException | RuntimeException e) {
                String prefix = open.forward() + ": ";
                String reason = String.valueOf(e.getMessage());
                return new WorkNews.ForwardRefused(open.socket(), open.forward().toString(),
                        reason.startsWith(prefix) ? reason.substring(prefix.length()) : reason);
            }
        } else if (request instanceof WorkRequest.CloseForward close) {
            try {
                masters.closeForward(Path.of(close.socket()), close.forward(), close.origin());
                return new WorkNews.ForwardClosed(close.socket(), close.forward().toString(), "");
            } catch (MasterException | RuntimeException e) {
                return new WorkNews.ForwardClosed(close.socket(), close.forward().toString(), String.valueOf(e.getMessage()));
            }
        }
        throw new IllegalArgumentException("not a forward request: " + request);
    }

    static boolean handles(WorkRequest request) {
        return request instanceof WorkRequest.ListForwards || request instanceof WorkRequest.OpenForward
                || request instanceof WorkRequest.CloseForward;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
