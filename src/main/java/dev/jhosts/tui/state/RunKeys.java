package dev.jhosts.tui.state;

import dev.jhosts.catalog.filter.HostMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Marks and runs: the list's mark, mark-all, clear-marks, run (a command for the marked hosts,
 * the selected one when none is marked) and results actions; then the input line's keys, and
 * the results pane's. Pure, as {@link Update} is.
 */
final class RunKeys {
    /** How far PgUp/PgDn scroll a host's output. */
    static final int PAGE = 10;

    private RunKeys() {}

    /** The list's mark-all: every host the filter shows. */
    static Transition markAll(Keymap keys, ViewState state) {
        Work work = state.work();
        Marks marks = work.marks().withAll(state.list().matches());
        return Transition.of(state.withWork(work.withMarks(marks)).withMessage(count(keys, marks)));
    }

    static Transition clearMarks(ViewState state) {
        Work work = state.work();
        return Transition.of(state.withWork(work.withMarks(Marks.NONE))
                .withMessage(work.marks().isEmpty() ? "no host is marked" : "marks cleared"));
    }

    static ViewState toggleSelected(Keymap keys, ViewState state) {
        Optional<ListRow> row = state.list().selectedRow();
        Work work = state.work();
        if (row.isEmpty()) {
            return state.withMessage("no host to mark");
        }
        Marks marks = work.marks();
        if (row.get() instanceof ListRow.HostRow host) {
            marks = marks.toggled(host.match().host().alias());
        } else if (row.get() instanceof ListRow.GroupHeader header) {
            // Space on a group's header marks the group's hosts that are shown (or unmarks them all)
            List<HostMatch> members = state.list().matches().stream()
                    .filter(match -> match.host().group().equals(header.group())).toList();
            boolean allMarked = members.stream().allMatch(match -> work.marks().marked(match.host().alias()));
            for (HostMatch member : members) {
                if (allMarked || !marks.marked(member.host().alias())) {
                    marks = marks.toggled(member.host().alias());
                }
            }
        }
        return state.withWork(work.withMarks(marks)).withMessage(count(keys, marks));
    }

    private static String count(Keymap keys, Marks marks) {
        int n = marks.aliases().size();
        return n == 0 ? "no host marked" : n + (n == 1 ? " host" : " hosts") + " marked: " + keys.first(ListAction.RUN)
                + " runs a command on them";
    }

    /** The marked hosts in list order (marked ones the filter hides last), else the selected host. */
    static List<String> targets(ViewState state) {
        Marks marks = state.work().marks();
        List<String> targets = new ArrayList<>();
        if (marks.isEmpty()) {
            state.list().selectedMatch().ifPresent(match -> targets.add(match.host().alias()));
            return targets;
        }
        state.list().ordered().forEach(host -> {
            if (marks.marked(host.alias())) {
                targets.add(host.alias());
            }
        });
        marks.aliases().stream().filter(alias -> !targets.contains(alias)).forEach(targets::add);
        return targets;
    }

    static Transition compose(Keymap keys, ViewState state, List<String> targets) {
        RunPane run = state.work().run();
        if (run.running()) {
            return Transition.of(state.withMessage("a command still runs: " + keys.first(ListAction.RESULTS) + " shows it, "
                    + keys.first(ResultsAction.STOP) + " there stops it"));
        }
        if (targets.isEmpty()) {
            return Transition.of(state.withMessage("no host to run on: mark hosts with " + keys.first(ListAction.MARK) + " or "
                    + keys.first(ListAction.MARK_ALL)));
        }
        return Transition.of(state.withWork(state.work().withRun(run.composing(targets))).withMessage(""));
    }

    static Transition toggleResults(Keymap keys, ViewState state) {
        RunPane run = state.work().run();
        if (!run.hasRun()) {
            return Transition.of(state.withMessage("no command has run yet: mark hosts, then " + keys.first(ListAction.RUN)));
        }
        return Transition.of(state.withWork(state.work().withRun(run.withShown(!run.shown()))));
    }

    /** A key while the command is typed. */
    static Transition onInputKey(Keymap keys, ViewState state, Key key) {
        RunPane run = state.work().run();
        Optional<FormAction> action = keys.forms().action(key);
        if (action.isPresent() && action.get() == FormAction.CANCEL) {
            return Transition.of(state.withWork(state.work().withRun(run.cancelled())).withMessage("run cancelled"));
        }
        if (action.isPresent() && action.get() == FormAction.SUBMIT) {
            if (run.input().text().isBlank()) {
                return Transition.of(state.withMessage("type the command to run, or " + keys.first(FormAction.CANCEL)));
            }
            RunPane started = run.started();
            return Transition.of(state.withWork(state.work().withRun(started)).withMessage(""),
                    new Effect.Work(new WorkRequest.StartRun(started.id(), started.command(), started.targets())));
        }
        return run.input().edited(keys.forms(), key)
                .map(input -> Transition.of(state.withWork(state.work().withRun(run.withInput(input)))))
                .orElseGet(() -> Transition.of(state));
    }

    /** A key while the results pane is shown; empty for the list's keys that work there too (help). */
    static Optional<Transition> onResultsKey(Keymap keys, ViewState state, Key key) {
        RunPane run = state.work().run();
        Optional<ResultsAction> bound = keys.results().action(key);
        if (bound.isEmpty()) {
            boolean passes = keys.list().action(key).filter(Keymap.listActionsIn(KeyMode.RESULTS)::contains).isPresent();
            return passes ? Optional.empty() : Optional.of(Transition.of(state));
        }
        int kept = run.selectedHost().map(host -> host.lines().size()).orElse(0);
        return Optional.of(switch (bound.get()) {
            case BACK -> Transition.of(withRun(state, run.withShown(false))
                    .withMessage(run.running() ? "the command goes on: " + keys.first(ListAction.RESULTS) + " shows it again" : ""));
            case UP -> Transition.of(withRun(state, run.withSelected(run.selected() - 1)));
            case DOWN -> Transition.of(withRun(state, run.withSelected(run.selected() + 1)));
            case SCROLL_BACK -> Transition.of(withRun(state, run.withScroll(Math.min(kept, run.scroll() + PAGE))));
            case SCROLL_ON -> Transition.of(withRun(state, run.withScroll(run.scroll() - PAGE)));
            case START -> Transition.of(withRun(state, run.withScroll(kept)));
            case END -> Transition.of(withRun(state, run.withScroll(0)));
            case STOP -> run.running()
                    ? Transition.of(state.withMessage("stopping the command on every host…"),
                            new Effect.Work(new WorkRequest.StopRun(run.id())))
                    : Transition.of(state.withMessage("nothing runs"));
            case RUN_AGAIN -> compose(keys, state, run.targets());
        });
    }

    private static ViewState withRun(ViewState state, RunPane run) {
        return state.withWork(state.work().withRun(run));
    }
}
