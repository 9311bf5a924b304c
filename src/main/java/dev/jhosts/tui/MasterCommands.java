package dev.jhosts.tui;

import dev.jhosts.master.MasterException;
import dev.jhosts.master.Masters;
import dev.jhosts.master.Probe;
import dev.jhosts.tui.state.MasterAction;
import dev.jhosts.tui.state.MasterRow;
import dev.jhosts.tui.state.UiEvent;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** Carries out the status pane's check, stop, exit and kill in the background; the outcome is a notice. */
final class MasterCommands implements AutoCloseable {
    private final Masters masters;
    private final Consumer<UiEvent> events;
    private final Runnable afterwards;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "jhosts-master-command");
        thread.setDaemon(true);
        return thread;
    });

    MasterCommands(Masters masters, Consumer<UiEvent> events, Runnable afterwards) {
        this.masters = masters;
        this.events = events;
        this.afterwards = afterwards;
    }

    void run(MasterAction action, MasterRow row, boolean cutDependants) {
        worker.execute(() -> {
            String name = String.join(",", row.aliases());
            try {
                events.accept(new UiEvent.Notice(name + ": " + perform(action, Path.of(row.socket()), cutDependants)));
            } catch (MasterException | RuntimeException e) {
                events.accept(new UiEvent.Notice(name + ": " + action.word() + " failed: " + e.getMessage()));
            } finally {
                afterwards.run();
            }
        });
    }

    private String perform(MasterAction action, Path socket, boolean cutDependants) throws MasterException {
        switch (action) {
            case CHECK:
                return describe(masters.check(socket));
            case STOP:
                masters.stop(socket, cutDependants);
                return "stopped: no new sessions, running ones go on";
            case EXIT:
                masters.exit(socket, cutDependants);
                return "master exited";
            case KILL:
                return "killed pid " + masters.kill(socket, cutDependants);
            default:
                throw new IllegalArgumentException(action.toString());
        }
    }

    static String describe(Probe probe) {
        if (probe instanceof Probe.Alive) {
            return "alive, pid " + ((Probe.Alive) probe).pid();
        } else if (probe instanceof Probe.Frozen) {
            return "does not answer: " + ((Probe.Frozen) probe).detail();
        } else if (probe instanceof Probe.Refused) {
            return "refused: " + ((Probe.Refused) probe).detail();
        } else if (probe instanceof Probe.Untrusted) {
            return "refused: " + ((Probe.Untrusted) probe).detail();
        } else if (probe instanceof Probe.Stale) {
            return "gone (stale socket)";
        }
        return "no master";
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
