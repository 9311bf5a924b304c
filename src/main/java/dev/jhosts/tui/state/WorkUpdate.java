package dev.jhosts.tui.state;

import dev.jhosts.master.ListedForward;
import java.util.List;
import java.util.Optional;

/**
 * The picker's logic for runs and forwards, apart from {@link Update} (which calls {@link #onKey}
 * before its own keys and {@link #onNews} for {@link UiEvent.Work}). Pure.
 */
public final class WorkUpdate {
    private WorkUpdate() {}

    /** A key for the run's input line, its results pane, or the forwards; empty for Update's own. */
    public static Optional<Transition> onKey(Keymap keys, ViewState state, Key key) {
        Work work = state.work();
        if (work.run().composing()) {
            return Optional.of(RunKeys.onInputKey(keys, state, key));
        }
        if (work.run().shown()) {
            return RunKeys.onResultsKey(keys, state, key);
        }
        if (work.files().open()) {
            return FilesKeys.onKey(keys, state, key);
        }
        if (state.focus() == Focus.MASTERS && work.forwards().open()) {
            return ForwardKeys.onViewKey(keys, state, key);
        }
        return Optional.empty();
    }

    /** The rows the status pane needs: the forwards view's, else one per master. */
    public static int paneRows(ViewState state) {
        ForwardsView view = state.work().forwards();
        return view.open() ? view.rows() : state.pane().rows().size();
    }

    public static Transition onNews(ViewState state, WorkNews news) {
        ForwardsView view = state.work().forwards();
        RunPane run = state.work().run();
        if (news instanceof WorkNews.FilesListed || news instanceof WorkNews.FilesUnavailable
                || news instanceof WorkNews.CopyProgressed || news instanceof WorkNews.CopyEnded
                || news instanceof WorkNews.FilesChanged) {
            return FilesKeys.onNews(state, news);
        }
        if (news instanceof WorkNews.ForwardsListed listed) {
            return Transition.of(forView(state, listed.socket(), view.listed(listed.forwards())));
        } else if (news instanceof WorkNews.ForwardsUnavailable unavailable) {
            return Transition.of(forView(state, unavailable.socket(), view.listed(List.of()).withProblem(unavailable.reason())));
        } else if (news instanceof WorkNews.ForwardOpened opened) {
            ListedForward forward = opened.forward();
            String port = forward.allocatedPort() > 0 ? ": the server chose port " + forward.allocatedPort() : "";
            ViewState closed = forView(state, opened.socket(), view.formClosed());
            return Transition.of(closed.withMessage("opened " + forward.spec() + port), ForwardKeys.list(view));
        } else if (news instanceof WorkNews.ForwardRefused refused) {
            return Transition.of(forView(state, refused.socket(), view.withProblem(refused.reason()))
                    .withMessage(refused.spec() + " refused"));
        } else if (news instanceof WorkNews.ForwardClosed closed) {
            String message = closed.problem().isEmpty() ? "cancelled " + closed.spec() : closed.problem();
            return Transition.of(state.withMessage(message), ForwardKeys.list(view));
        } else if (news instanceof WorkNews.RunHostRunning running && running.runId() == run.id()) {
            return Transition.of(withRun(state, run.withHost(running.alias(), RunHost::running)));
        } else if (news instanceof WorkNews.RunOutput output && output.runId() == run.id()) {
            return Transition.of(withRun(state, run.withHost(output.alias(), host -> host.withLines(output.lines()))));
        } else if (news instanceof WorkNews.RunHostDone done && done.runId() == run.id()) {
            boolean wasRunning = run.running();
            RunPane updated = run.withHost(done.alias(), host -> host.done(done.outcome(), done.detail(), done.succeeded()));
            ViewState next = withRun(state, updated);
            // after a stop the hosts' own endings may come later than the stop's news; its message stays
            return Transition.of(updated.running() || !wasRunning ? next : next.withMessage(summary(updated)));
        } else if (news instanceof WorkNews.RunStopped stopped && stopped.runId() == run.id()) {
            RunPane updated = run;
            for (String alias : stopped.cut()) {
                updated = updated.withHost(alias,
                        host -> host.phase() == RunHost.Phase.DONE ? host : host.done("cut", "", false));
            }
            return Transition.of(withRun(state, updated).withMessage(stopped.cut().isEmpty() ? "nothing was running"
                    : "stopped: cut " + String.join(", ", stopped.cut())));
        }
        return Transition.of(state);
    }

    /** "done: 4 succeeded, 1 failed (web3: exit 3), 1 unreachable". */
    static String summary(RunPane run) {
        long succeeded = run.hosts().stream().filter(RunHost::succeeded).count();
        List<RunHost> others = run.hosts().stream().filter(host -> !host.succeeded()).toList();
        StringBuilder text = new StringBuilder("done: " + succeeded + " succeeded");
        if (!others.isEmpty()) {
            text.append(", ").append(others.size()).append(" not: ");
            text.append(String.join(", ", others.stream().map(host -> host.alias() + " " + host.outcome()).toList()));
        }
        return text.toString();
    }

    private static ViewState forView(ViewState state, String socket, ForwardsView changed) {
        ForwardsView view = state.work().forwards();
        if (!view.open() || !view.socket().equals(socket)) {
            return state;
        }
        return ForwardKeys.withView(state, changed);
    }

    private static ViewState withRun(ViewState state, RunPane run) {
        return state.withWork(state.work().withRun(run));
    }
}
