package dev.jhosts.tui.state;

import dev.jhosts.catalog.filter.HostMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The keys of marks and runs: in the host list Space marks (see {@link Marks#spaceMarks}), ^A
 * marks every host shown, ^X clears the marks, ^R types a command for the marked hosts (the
 * selected one when none is marked) and F4 shows or hides the results; then the input line's
 * keys, and the results pane's. Pure, as {@link Update} is.
 */
final class RunKeys {
    /** How far PgUp/PgDn scroll a host's output. */
    static final int PAGE = 10;

    private RunKeys() {}

    /** A key of the host list this handles; empty for the list's own keys. */
    static Optional<Transition> onListKey(ViewState state, Key key) {
        Work work = state.work();
        HostList list = state.list();
        if (key.equals(Key.typed(' ')) && Marks.spaceMarks(list)) {
            return Optional.of(Transition.of(toggleSelected(state)));
        }
        if (key.equals(Key.ctrl('a'))) {
            Marks marks = work.marks().withAll(list.matches());
            return Optional.of(Transition.of(state.withWork(work.withMarks(marks)).withMessage(count(marks))));
        }
        if (key.equals(Key.ctrl('x'))) {
            return Optional.of(Transition.of(state.withWork(work.withMarks(Marks.NONE))
                    .withMessage(work.marks().isEmpty() ? "no host is marked" : "marks cleared")));
        }
        if (key.equals(Key.ctrl('r'))) {
            return Optional.of(compose(state, targets(state)));
        }
        if (key.equals(Key.named(Key.Name.F4))) {
            return Optional.of(toggleResults(state));
        }
        return Optional.empty();
    }

    private static ViewState toggleSelected(ViewState state) {
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
        return state.withWork(work.withMarks(marks)).withMessage(count(marks));
    }

    private static String count(Marks marks) {
        int n = marks.aliases().size();
        return n == 0 ? "no host marked" : n + (n == 1 ? " host" : " hosts") + " marked: ^R runs a command on them";
    }

    /** The marked hosts in list order (marked ones the filter hides last), else the selected host. */
    private static List<String> targets(ViewState state) {
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

    private static Transition compose(ViewState state, List<String> targets) {
        RunPane run = state.work().run();
        if (run.running()) {
            return Transition.of(state.withMessage("a command still runs: F4 shows it, x there stops it"));
        }
        if (targets.isEmpty()) {
            return Transition.of(state.withMessage("no host to run on: mark hosts with Space or ^A"));
        }
        return Transition.of(state.withWork(state.work().withRun(run.composing(targets))).withMessage(""));
    }

    private static Transition toggleResults(ViewState state) {
        RunPane run = state.work().run();
        if (!run.hasRun()) {
            return Transition.of(state.withMessage("no command has run yet: mark hosts, then ^R"));
        }
        return Transition.of(state.withWork(state.work().withRun(run.withShown(!run.shown()))));
    }

    /** A key while the command is typed. */
    static Transition onInputKey(ViewState state, Key key) {
        RunPane run = state.work().run();
        if (key.equals(Key.named(Key.Name.ESCAPE))) {
            return Transition.of(state.withWork(state.work().withRun(run.cancelled())).withMessage("run cancelled"));
        }
        if (key.equals(Key.named(Key.Name.ENTER)) || key.equals(Key.ctrl('m')) || key.equals(Key.ctrl('j'))) {
            if (run.input().text().isBlank()) {
                return Transition.of(state.withMessage("type the command to run, or Esc"));
            }
            RunPane started = run.started();
            return Transition.of(state.withWork(state.work().withRun(started)).withMessage(""),
                    new Effect.Work(new WorkRequest.StartRun(started.id(), started.command(), started.targets())));
        }
        return run.input().edited(key)
                .map(input -> Transition.of(state.withWork(state.work().withRun(run.withInput(input)))))
                .orElseGet(() -> Transition.of(state));
    }

    /** A key while the results pane is shown; empty for keys it leaves to the rest (F1). */
    static Optional<Transition> onResultsKey(ViewState state, Key key) {
        RunPane run = state.work().run();
        if (key.equals(Key.named(Key.Name.F1))) {
            return Optional.empty();
        }
        if (key.equals(Key.named(Key.Name.ESCAPE)) || key.equals(Key.named(Key.Name.F4))) {
            return Optional.of(Transition.of(withRun(state, run.withShown(false))
                    .withMessage(run.running() ? "the command goes on: F4 shows it again" : "")));
        }
        if (key.equals(Key.named(Key.Name.UP)) || key.equals(Key.ctrl('p'))) {
            return Optional.of(Transition.of(withRun(state, run.withSelected(run.selected() - 1))));
        }
        if (key.equals(Key.named(Key.Name.DOWN)) || key.equals(Key.ctrl('n'))) {
            return Optional.of(Transition.of(withRun(state, run.withSelected(run.selected() + 1))));
        }
        int kept = run.selectedHost().map(host -> host.lines().size()).orElse(0);
        if (key.equals(Key.named(Key.Name.PAGE_UP))) {
            return Optional.of(Transition.of(withRun(state, run.withScroll(Math.min(kept, run.scroll() + PAGE)))));
        }
        if (key.equals(Key.named(Key.Name.PAGE_DOWN))) {
            return Optional.of(Transition.of(withRun(state, run.withScroll(run.scroll() - PAGE))));
        }
        if (key.equals(Key.named(Key.Name.HOME))) {
            return Optional.of(Transition.of(withRun(state, run.withScroll(kept))));
        }
        if (key.equals(Key.named(Key.Name.END))) {
            return Optional.of(Transition.of(withRun(state, run.withScroll(0))));
        }
        if (key.equals(Key.typed('x'))) {
            if (!run.running()) {
                return Optional.of(Transition.of(state.withMessage("nothing runs")));
            }
            return Optional.of(Transition.of(state.withMessage("stopping the command on every host…"),
                    new Effect.Work(new WorkRequest.StopRun(run.id()))));
        }
        if (key.equals(Key.ctrl('r'))) {
            return Optional.of(compose(state, run.targets()));
        }
        return Optional.of(Transition.of(state));
    }

    private static ViewState withRun(ViewState state, RunPane run) {
        return state.withWork(state.work().withRun(run));
    }
}
