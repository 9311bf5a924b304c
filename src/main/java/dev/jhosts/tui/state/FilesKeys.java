package dev.jhosts.tui.state;

import java.util.List;
import java.util.Optional;

/**
 * The files pane's logic: opening it on the selected host, its keys, and the news of its
 * listings, copies and changes. Pure, as {@link Update} is: listings, copies and changes are
 * {@link WorkRequest}s carried out in the background.
 */
final class FilesKeys {
    /** Rows of the pane that are not entries: the title rule, the paths, the pane's status line. */
    static final int FRAME_ROWS = 3;

    private FilesKeys() {}

    /** The list's files action: the pane on the selected host, both sides being listed. */
    static Transition open(ViewState state) {
        return state.list().selectedMatch().map(match -> {
            String alias = match.host().alias();
            FilesPane pane = state.work().files().opened(alias);
            return Transition.of(withPane(state, pane).withMessage(""),
                    new Effect.Work(new WorkRequest.ListFiles(alias, true, ".", "")),
                    new Effect.Work(new WorkRequest.ListFiles(alias, false, "", "")));
        }).orElseGet(() -> Transition.of(state.withMessage("no host matches the filter")));
    }

    /** A key while the pane is open (the list's help works there too). */
    static Optional<Transition> onKey(Keymap keys, ViewState state, Key key) {
        FilesPane pane = state.work().files();
        if (!pane.deleting().isEmpty()) {
            return Optional.of(onDeleteAnswer(keys, state, pane, key));
        }
        if (pane.editing() != FilesPane.Editing.NONE) {
            return Optional.of(onLineKey(keys, state, pane, key));
        }
        Optional<FilesAction> bound = keys.files().action(key);
        if (bound.isEmpty()) {
            // the list's keys that work here act as in the list (never typed into its filter)
            return Optional.of(keys.list().action(key).filter(Keymap.listActionsIn(KeyMode.FILES)::contains)
                    .map(action -> Update.onListAction(keys, state, action)).orElseGet(() -> Transition.of(state)));
        }
        FilesSide side = pane.current();
        int page = Math.max(1, entryRows(state));
        return Optional.of(switch (bound.get()) {
            case UP -> moved(state, pane, side.selected() - 1);
            case DOWN -> moved(state, pane, side.selected() + 1);
            case PAGE_UP -> moved(state, pane, side.selected() - page);
            case PAGE_DOWN -> moved(state, pane, side.selected() + page);
            case FIRST -> moved(state, pane, 0);
            case LAST -> moved(state, pane, Integer.MAX_VALUE);
            case SWITCH -> Transition.of(withPane(state, pane.switched()));
            case ENTER -> enter(state, pane);
            case UP_FOLDER -> upFolder(state, pane);
            case MARK -> Transition.of(withPane(state, pane.withCurrent(side.toggleMark())));
            case COPY -> copy(state, pane);
            case RENAME -> side.selectedEntry()
                    .map(entry -> Transition.of(withPane(state,
                            pane.editing(FilesPane.Editing.RENAME, new LineInput(entry.name())))))
                    .orElseGet(() -> Transition.of(state.withMessage("nothing to rename")));
            case MAKE_FOLDER -> ready(side) ? Transition.of(withPane(state,
                    pane.editing(FilesPane.Editing.MAKE_FOLDER, LineInput.EMPTY)))
                    : Transition.of(state.withMessage("this side is not listed"));
            case DELETE -> askDelete(state, pane);
            case STOP_COPY -> pane.transfers().containsKey(pane.alias())
                    ? Transition.of(state.withMessage(pane.alias() + ": stopping the copy…"),
                            new Effect.Work(new WorkRequest.StopCopy(pane.alias())))
                    : Transition.of(state.withMessage(pane.alias() + ": no copy under way"));
            case RELOAD -> Transition.of(withPane(state, pane), list(pane, true, pane.remote().path(), ""),
                    list(pane, false, pane.local().path(), ""));
            case CLOSE -> Transition.of(withPane(state, pane.closed()));
        });
    }

    /** Rows of entries the pane shows. */
    static int entryRows(ViewState state) {
        Layout layout = Layout.of(state);
        int bottom = layout.status().shown() ? layout.status().top()
                : layout.footer().shown() ? layout.footer().top() : state.size().rows();
        return bottom - layout.list().top() - FRAME_ROWS;
    }

    private static boolean ready(FilesSide side) {
        return !side.loading() && side.problem().isEmpty();
    }

    private static Transition moved(ViewState state, FilesPane pane, int index) {
        FilesSide side = pane.current();
        int bounded = side.entries().isEmpty() ? 0 : Math.max(0, Math.min(index, side.entries().size() - 1));
        return Transition.of(withPane(state, pane.withCurrent(side.withSelected(bounded))));
    }

    private static Transition enter(ViewState state, FilesPane pane) {
        FilesSide side = pane.current();
        Optional<FileEntry> entry = side.selectedEntry();
        if (entry.isEmpty() || !entry.get().directory()) {
            return Transition.of(state);
        }
        String path = side.child(entry.get().name());
        return Transition.of(withPane(state, pane.withCurrent(FilesSide.loading(side.path()))),
                list(pane, pane.remoteSide(), path, ""));
    }

    private static Transition upFolder(ViewState state, FilesPane pane) {
        FilesSide side = pane.current();
        if (side.loading() || side.parent().equals(side.path())) {
            return Transition.of(state);
        }
        return Transition.of(withPane(state, pane.withCurrent(FilesSide.loading(side.path()))),
                list(pane, pane.remoteSide(), side.parent(), side.name()));
    }

    private static Transition copy(ViewState state, FilesPane pane) {
        FilesSide from = pane.current();
        FilesSide to = pane.other();
        List<String> names = from.chosen();
        if (names.isEmpty()) {
            return Transition.of(state.withMessage("nothing to copy"));
        }
        if (!ready(from) || !ready(to)) {
            return Transition.of(state.withMessage("both sides must be listed to copy"));
        }
        if (pane.transfers().containsKey(pane.alias())) {
            return Transition.of(state.withMessage(pane.alias() + ": a copy is under way; wait for its end"));
        }
        List<String> sources = names.stream().map(from::child).toList();
        boolean upload = !pane.remoteSide();
        String what = names.size() == 1 ? names.get(0) : names.size() + " entries";
        FilesPane started = pane.withCurrent(from.withoutMarks()).withTransfer(pane.alias(),
                (upload ? "copying up " : "copying down ") + what + "…");
        return Transition.of(withPane(state, started).withMessage(""),
                new Effect.Work(new WorkRequest.CopyFiles(pane.alias(), upload, sources, to.path())));
    }

    private static Transition askDelete(ViewState state, FilesPane pane) {
        FilesSide side = pane.current();
        List<String> names = side.chosen();
        if (names.isEmpty() || !ready(side)) {
            return Transition.of(state.withMessage("nothing to delete"));
        }
        return Transition.of(withPane(state, pane.asking(names.stream().map(side::child).toList(), pane.remoteSide())));
    }

    private static Transition onDeleteAnswer(Keymap keys, ViewState state, FilesPane pane, Key key) {
        FilesPane closed = pane.asking(List.of(), false);
        if (!keys.dialogs().is(DialogAction.YES, key)) {
            return Transition.of(withPane(state, closed).withMessage("delete cancelled"));
        }
        boolean remote = pane.deletingRemote();
        FilesPane unmarked = closed.withSide(remote, (remote ? pane.remote() : pane.local()).withoutMarks());
        return Transition.of(withPane(state, unmarked).withMessage("deleting…"),
                new Effect.Work(new WorkRequest.DeleteFiles(pane.alias(), remote, pane.deleting())));
    }

    private static Transition onLineKey(Keymap keys, ViewState state, FilesPane pane, Key key) {
        Optional<FormAction> action = keys.forms().action(key);
        if (action.isPresent() && action.get() == FormAction.CANCEL) {
            return Transition.of(withPane(state, pane.editing(FilesPane.Editing.NONE, LineInput.EMPTY)));
        }
        if (action.isPresent() && action.get() == FormAction.SUBMIT) {
            String name = pane.input().text();
            if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\0")) {
                return Transition.of(state.withMessage("a name, without '/'"));
            }
            FilesSide side = pane.current();
            FilesPane closed = pane.editing(FilesPane.Editing.NONE, LineInput.EMPTY);
            if (pane.editing() == FilesPane.Editing.MAKE_FOLDER) {
                return Transition.of(withPane(state, closed), new Effect.Work(
                        new WorkRequest.MakeFolder(pane.alias(), pane.remoteSide(), side.child(name))));
            }
            Optional<FileEntry> entry = side.selectedEntry();
            if (entry.isEmpty() || entry.get().name().equals(name)) {
                return Transition.of(withPane(state, closed));
            }
            return Transition.of(withPane(state, closed), new Effect.Work(new WorkRequest.RenameFile(pane.alias(),
                    pane.remoteSide(), side.child(entry.get().name()), side.child(name))));
        }
        return pane.input().edited(keys.forms(), key)
                .map(input -> Transition.of(withPane(state, pane.editing(pane.editing(), input))))
                .orElseGet(() -> Transition.of(state));
    }

    /** News of the pane's listings, copies and changes. */
    static Transition onNews(ViewState state, WorkNews news) {
        FilesPane pane = state.work().files();
        if (news instanceof WorkNews.FilesListed listed) {
            if (!listed.alias().equals(pane.alias())) {
                return Transition.of(state);
            }
            FilesSide side = listed.remote() ? pane.remote() : pane.local();
            return Transition.of(withPane(state, pane.withSide(listed.remote(),
                    side.listed(listed.path(), listed.entries(), listed.select()))));
        } else if (news instanceof WorkNews.FilesUnavailable unavailable) {
            if (!unavailable.alias().equals(pane.alias())) {
                return Transition.of(state);
            }
            FilesSide side = unavailable.remote() ? pane.remote() : pane.local();
            return Transition.of(withPane(state, pane.withSide(unavailable.remote(), side.failed(unavailable.reason()))));
        } else if (news instanceof WorkNews.CopyProgressed progressed) {
            if (!pane.transfers().containsKey(progressed.alias())) {
                return Transition.of(state);
            }
            return Transition.of(withPane(state, pane.withTransfer(progressed.alias(), progressed.progress())));
        } else if (news instanceof WorkNews.CopyEnded ended) {
            ViewState done = withPane(state, pane.withTransfer(ended.alias(), ""))
                    .withMessage(ended.alias() + ": " + ended.summary());
            if (!pane.open() || !pane.alias().equals(ended.alias())) {
                return Transition.of(done);
            }
            // the side written to is listed again, to show what arrived
            boolean remote = ended.upload();
            return Transition.of(done, list(pane, remote, (remote ? pane.remote() : pane.local()).path(), ""));
        } else if (news instanceof WorkNews.FilesChanged changed) {
            ViewState told = state.withMessage(changed.summary());
            if (!pane.open() || !pane.alias().equals(changed.alias())) {
                return Transition.of(told);
            }
            FilesSide side = changed.remote() ? pane.remote() : pane.local();
            return Transition.of(told, list(pane, changed.remote(), side.path(), ""));
        }
        return Transition.of(state);
    }

    private static Effect list(FilesPane pane, boolean remote, String path, String select) {
        return new Effect.Work(new WorkRequest.ListFiles(pane.alias(), remote, path, select));
    }

    static ViewState withPane(ViewState state, FilesPane pane) {
        return state.withWork(state.work().withFiles(pane));
    }
}
