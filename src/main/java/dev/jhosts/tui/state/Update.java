package dev.jhosts.tui.state;

import dev.jhosts.askpass.PromptKind;
import dev.jhosts.master.MasterState;
import dev.jhosts.probe.HostKeyState;
import dev.jhosts.catalog.filter.HostMatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * The TUI's logic: {@code update(state, event)} gives the next state and the effects to run.
 * Pure: no I/O, no clock, no threads. Keys are looked up in the {@link Keymap} passed in, one
 * table per mode; the help, the footer and the manual page show the same tables.
 */
public final class Update {
    /** Exit status when the user quits with Ctrl-C (as a shell reports SIGINT). */
    public static final int EXIT_INTERRUPTED = 130;

    private Update() {}

    /** The next state and the effects after {@code event}; keys do what {@code keys} binds them to. */
    public static Transition update(Keymap keys, ViewState state, UiEvent event) {
        if (event instanceof UiEvent.KeyPressed) {
            return onKey(keys, state, ((UiEvent.KeyPressed) event).key());
        } else if (event instanceof UiEvent.Tick) {
            return onTick(state, (UiEvent.Tick) event);
        } else if (event instanceof UiEvent.Resized) {
            UiEvent.Resized resized = (UiEvent.Resized) event;
            ViewState sized = state.withSize(new ScreenSize(resized.columns(), resized.rows()));
            return Transition.of(sized.withList(sized.list().select(sized.list().selected(), listRows(sized))));
        } else if (event instanceof UiEvent.InputClosed) {
            return Transition.of(state, new Effect.Quit(0));
        } else if (event instanceof UiEvent.MasterChanged) {
            return onMasterChanged(state, (UiEvent.MasterChanged) event);
        } else if (event instanceof UiEvent.MastersListed) {
            return onMastersListed(state, ((UiEvent.MastersListed) event).rows());
        } else if (event instanceof UiEvent.DetailsResolved) {
            UiEvent.DetailsResolved resolved = (UiEvent.DetailsResolved) event;
            return Transition.of(state.withDetails(resolved.alias(), new Details.Resolved(resolved.options())));
        } else if (event instanceof UiEvent.DetailsFailed) {
            UiEvent.DetailsFailed failed = (UiEvent.DetailsFailed) event;
            return Transition.of(state.withDetails(failed.alias(), new Details.Unavailable(failed.reason())));
        } else if (event instanceof UiEvent.PromptAsked asked) {
            String connecting = state.overlay() instanceof Overlay.Connecting waiting ? waiting.alias()
                    : state.overlay() instanceof Overlay.Prompt shown ? shown.connecting() : "";
            return Transition.of(state.withOverlay(new Overlay.Prompt(asked.request(), "", 0, connecting)));
        } else if (event instanceof UiEvent.PromptWithdrawn withdrawn) {
            if (state.overlay() instanceof Overlay.Prompt shown && shown.request().id() == withdrawn.id()) {
                return Transition.of(state.withOverlay(afterPrompt(shown)));
            }
            return Transition.of(state);
        } else if (event instanceof UiEvent.Probed probed) {
            return Transition.of(state.withProbe(probed.alias(), probed.result()));
        } else if (event instanceof UiEvent.LateWarnings late) {
            return Transition.of(state.withMoreWarnings(late.warnings()));
        } else if (event instanceof UiEvent.Notice) {
            return Transition.of(state.withMessage(((UiEvent.Notice) event).text()));
        } else if (event instanceof UiEvent.SessionReady ready) {
            return onSessionReady(state, ready.alias());
        } else if (event instanceof UiEvent.Work work) {
            return WorkUpdate.onNews(state, work.news());
        } else if (event instanceof UiEvent.SessionNotOpened notOpened) {
            return SessionUpdate.onNotOpened(state, notOpened);
        } else if (event instanceof UiEvent.SessionOpened opened) {
            return SessionUpdate.onOpened(state, opened);
        } else if (event instanceof UiEvent.ConnectTo connectTo) {
            return connectTo(state, connectTo.alias());
        } else if (event instanceof UiEvent.ShowSession show) {
            return SessionUpdate.onShow(state, show);
        } else if (event instanceof UiEvent.SessionShown shown) {
            return SessionUpdate.onShown(state, shown);
        } else if (event instanceof UiEvent.SessionListed listed) {
            return SessionUpdate.onListed(state, listed);
        } else if (event instanceof UiEvent.SessionOutput output) {
            return SessionUpdate.onOutput(state, output);
        } else if (event instanceof UiEvent.SessionLink link) {
            return SessionUpdate.onLink(state, link);
        } else if (event instanceof UiEvent.SessionOver over) {
            return SessionUpdate.onOver(state, over);
        } else if (event instanceof UiEvent.TerminalBack back) {
            return SessionUpdate.onTerminalBack(state, back.end());
        } else if (event instanceof UiEvent.Started started) {
            return SessionUpdate.onStarted(state, started);
        } else if (event instanceof UiEvent.CatalogueChanged changed) {
            return withDetailsFor(onCatalogueChanged(state, changed));
        } else if (event instanceof UiEvent.HostBlockRead read) {
            return HostFormUpdate.onBlockRead(state, read);
        } else if (event instanceof UiEvent.HostSaved saved) {
            return HostFormUpdate.onSaved(state, saved);
        } else if (event instanceof UiEvent.HostNotSaved refused) {
            return HostFormUpdate.onNotSaved(state, refused);
        }
        throw new IllegalArgumentException("unknown event " + event);
    }

    /**
     * A new catalogue (a source answered): the list shows it, in the same order and filter, the
     * selection kept; a warning that is new goes to the status line, and one that is gone leaves
     * it to the warnings that remain.
     */
    static ViewState onCatalogueChanged(ViewState state, UiEvent.CatalogueChanged changed) {
        List<String> fresh = changed.warnings().stream().filter(w -> !state.warnings().contains(w)).toList();
        String message = state.message();
        if (!fresh.isEmpty()) {
            message = fresh.size() == 1 ? "warning: " + fresh.get(0)
                    : fresh.size() + " warnings (F1 lists them): " + fresh.get(0);
        } else if (state.warnings().stream().anyMatch(w -> !changed.warnings().contains(w) && state.message().endsWith(w))) {
            message = ViewState.warningMessage(changed.warnings());
        }
        // the details of a host whose values changed are asked again
        Map<String, dev.jhosts.catalog.Host> before = new java.util.HashMap<>();
        state.catalogue().forEach(host -> before.put(host.alias(), host));
        Map<String, Details> details = new java.util.HashMap<>(state.details());
        // and a probe or a failed launch made with the old values (a host edited) no longer tells of it
        Map<String, dev.jhosts.probe.ProbeResult> probes = new java.util.HashMap<>(state.probes());
        Map<String, MasterState> masters = new java.util.HashMap<>(state.masters());
        for (dev.jhosts.catalog.Host host : changed.hosts()) {
            dev.jhosts.catalog.Host was = before.get(host.alias());
            if (was != null && !was.equals(host)) {
                if (!(details.get(host.alias()) instanceof Details.Resolving)) {
                    details.remove(host.alias());
                }
                probes.remove(host.alias());
                if (masters.get(host.alias()) instanceof MasterState.Failed) {
                    masters.remove(host.alias());
                }
            }
        }
        ViewState replaced = new ViewState(changed.hosts(), changed.warnings(), state.list(), state.pane(), state.focus(),
                state.overlay(), masters, details, probes, message, state.size(),
                state.spinner(), state.now(), state.selectedSince(), state.prelaunchDelay(), state.prelaunchPending(),
                state.work(), state.sessions());
        return replaced.withList(state.list().withCatalogue(changed.hosts(), listRows(state)));
    }

    /** Rows the host list has on screen in this state. */
    public static int listRows(ViewState state) {
        return Math.max(1, Layout.of(state).list().height());
    }

    // ---------------------------------------------------------------- keys

    /** A key: the mode on screen looks it up in its table of {@code keys} and does the action bound to it. */
    private static Transition onKey(Keymap keys, ViewState state, Key key) {
        Overlay overlay = state.overlay();
        if (overlay instanceof Overlay.ConfirmQuit confirmQuit) {
            return SessionUpdate.onConfirmQuitKey(keys, state, confirmQuit, key);
        }
        if (overlay instanceof Overlay.MoveSession move) {
            return SessionUpdate.onMoveKey(keys, state, move, key);
        }
        Optional<PickerAction> anywhere = keys.picker().action(key);
        if (anywhere.isPresent()) {
            return switch (anywhere.get()) {
                case QUIT -> SessionUpdate.quit(state, EXIT_INTERRUPTED);
                case REDRAW -> Transition.of(state, new Effect.RedrawAll());
                case SUSPEND -> Transition.of(state, new Effect.Suspend());
            };
        }
        if (overlay instanceof Overlay.ChooseSession chooser) {
            return SessionUpdate.onChooserKey(keys, state, chooser, key);
        }
        if (overlay instanceof Overlay.Help help) {
            return onHelpKey(keys, state, help, key);
        }
        if (overlay instanceof Overlay.Confirm confirm) {
            ViewState closed = state.withOverlay(new Overlay.None());
            if (keys.dialogs().is(DialogAction.YES, key)) {
                MasterRow row = confirm.row();
                return Transition.of(closed.withMessage(confirm.action().word() + " " + describe(row) + "…"),
                        new Effect.ControlMaster(confirm.action(), row, true));
            }
            return Transition.of(closed.withMessage(confirm.action().word() + " cancelled"));
        }
        if (overlay instanceof Overlay.Prompt prompt) {
            return onPromptKey(keys, state, prompt, key);
        }
        if (overlay instanceof Overlay.EditHost form) {
            return HostFormUpdate.onFormKey(keys, state, form, key);
        }
        if (overlay instanceof Overlay.SplitHost question) {
            return HostFormUpdate.onSplitKey(keys, state, question, key);
        }
        if (overlay instanceof Overlay.HostKeyChanged changed) {
            // only cancel: a changed key is never accepted here, and jhosts does not edit known_hosts
            return Transition.of(state.withOverlay(new Overlay.None())
                    .withMessage(changed.alias() + ": not connected (host key changed)"));
        }
        if (overlay instanceof Overlay.Connecting) {
            // not a binding: while connecting the key reader keeps what is typed for the session
            // and delivers only a lone Esc (KeyReader's hold)
            if (key.equals(Key.named(Key.Name.ESCAPE))) {
                String alias = ((Overlay.Connecting) overlay).alias();
                return Transition.of(state.withOverlay(new Overlay.None()).withMessage(alias + ": connect cancelled"));
            }
            return Transition.of(state);
        }
        // the run's input and results and the forwards (WorkUpdate) take their keys before the list and the pane
        Optional<Transition> work = WorkUpdate.onKey(keys, state, key);
        if (work.isPresent()) {
            return work.get();
        }
        return state.focus() == Focus.MASTERS ? onPaneKey(keys, state, key) : onListKey(keys, state, key);
    }

    /** The help scrolls with the dialogs' movement keys; any other key closes it (and is not typed). */
    private static Transition onHelpKey(Keymap keys, ViewState state, Overlay.Help help, Key key) {
        Optional<DialogAction> action = keys.dialogs().action(key);
        int page = HelpText.visibleRows(state.size());
        int top = help.top();
        if (action.isPresent()) {
            switch (action.get()) {
                case UP -> top--;
                case DOWN -> top++;
                case PAGE_UP -> top -= page;
                case PAGE_DOWN -> top += page;
                case FIRST -> top = 0;
                case LAST -> top = Integer.MAX_VALUE;
                default -> {
                    return Transition.of(state.withOverlay(new Overlay.None()));
                }
            }
            return Transition.of(state.withOverlay(new Overlay.Help(Math.max(0, Math.min(top, HelpText.maxTop(keys, state))))));
        }
        return Transition.of(state.withOverlay(new Overlay.None()));
    }

    private static ViewState togglePane(ViewState state) {
        if (state.pane().visible()) {
            return state.withPane(state.pane().withMode(PaneMode.HIDDEN)).withFocus(Focus.HOSTS);
        }
        return state.withPane(state.pane().withMode(PaneMode.SHOWN));
    }

    private static Transition onListKey(Keymap keys, ViewState state, Key key) {
        HostList list = state.list();
        Optional<ListAction> action = keys.list().action(key);
        if (key instanceof Key.Typed typed) {
            // a character bound to an action acts only where it could not be meant for the filter
            boolean acts = action.isPresent()
                    && (action.get() == ListAction.MARK ? Marks.spaceMarks(list) : list.filter().isEmpty());
            if (!acts) {
                return refilter(state, list.filter() + new String(Character.toChars(typed.codePoint())));
            }
        }
        return action.map(bound -> onListAction(keys, state, bound)).orElseGet(() -> Transition.of(state));
    }

    /** What a list's action does; some of them (help, the pane, the order, tmux) work in the panes too. */
    static Transition onListAction(Keymap keys, ViewState state, ListAction action) {
        HostList list = state.list();
        return switch (action) {
            case UP -> moveTo(state, list.selected() - 1);
            case DOWN -> moveTo(state, list.selected() + 1);
            case PAGE_UP -> moveTo(state, list.selected() - listRows(state));
            case PAGE_DOWN -> moveTo(state, list.selected() + listRows(state));
            case FIRST -> moveTo(state, 0);
            case LAST -> moveTo(state, list.rows().size() - 1);
            case CONNECT -> enter(state);
            case NEW_SESSION -> newSession(state);
            case TMUX -> state.list().selectedMatch()
                    .map(match -> Transition.of(state, new Effect.OpenInTmux(match.host().alias())))
                    .orElseGet(() -> Transition.of(state.withMessage("no host matches the filter")));
            case FOLD -> fold(state, true);
            case UNFOLD -> fold(state, false);
            case ORDER -> toggleOrder(state);
            case MARK -> Transition.of(RunKeys.toggleSelected(keys, state));
            case MARK_ALL -> RunKeys.markAll(keys, state);
            case CLEAR_MARKS -> RunKeys.clearMarks(state);
            case RUN -> RunKeys.compose(keys, state, RunKeys.targets(state));
            case RESULTS -> RunKeys.toggleResults(keys, state);
            case EDIT_HOST -> HostFormUpdate.edit(state);
            case ADD_HOST -> HostFormUpdate.add(state);
            case DELETE_CHAR -> refilter(state, withoutLastCharacter(list.filter()));
            case DELETE_WORD -> refilter(state, withoutLastWord(list.filter()));
            case CLEAR_FILTER -> refilter(state, "");
            case CLEAR_OR_QUIT -> list.filter().isEmpty() ? SessionUpdate.quit(state, 0) : refilter(state, "");
            case HELP -> Transition.of(state.withOverlay(new Overlay.Help()));
            case MASTERS -> Transition.of(focusPane(state));
            case TOGGLE_MASTERS -> Transition.of(togglePane(state));
            case FILES -> FilesKeys.open(state);
        };
    }

    private static ViewState focusPane(ViewState state) {
        ViewState shown = state.pane().visible() ? state : state.withPane(state.pane().withMode(PaneMode.SHOWN));
        return shown.withFocus(Focus.MASTERS);
    }

    private static Transition onPaneKey(Keymap keys, ViewState state, Key key) {
        MasterPane pane = state.pane();
        Optional<StatusPaneAction> bound = keys.statusPane().action(key);
        if (bound.isEmpty()) {
            return keys.list().action(key).filter(Keymap.listActionsIn(KeyMode.STATUS_PANE)::contains)
                    .map(action -> onListAction(keys, state, action)).orElseGet(() -> Transition.of(state));
        }
        StatusPaneAction action = bound.get();
        switch (action) {
            case BACK:
                return Transition.of(state.withFocus(Focus.HOSTS));
            case UP:
                return Transition.of(state.withPane(pane.withSelected(pane.selected() - 1)));
            case DOWN:
                return Transition.of(state.withPane(pane.withSelected(pane.selected() + 1)));
            case FIRST:
                return Transition.of(state.withPane(pane.withSelected(0)));
            case LAST:
                return Transition.of(state.withPane(pane.withSelected(pane.rows().size() - 1)));
            case FORWARDS:
                return ForwardKeys.open(state);
            default:
                break;
        }
        Optional<MasterRow> row = pane.selectedRow();
        if (row.isEmpty()) {
            return Transition.of(state);
        }
        MasterRow target = row.get();
        return switch (action) {
            case CHECK -> control(state, MasterAction.CHECK, target);
            case STOP -> askIfRidden(state, MasterAction.STOP, target);
            case EXIT -> askIfRidden(state, MasterAction.EXIT, target);
            case KILL -> Transition.of(state.withOverlay(new Overlay.Confirm(MasterAction.KILL, target)));
            default -> Transition.of(state);
        };
    }

    /** Stop and exit go ahead at once, unless other masters ride this one: then the user is asked, naming them. */
    private static Transition askIfRidden(ViewState state, MasterAction action, MasterRow row) {
        if (!row.dependants().isEmpty()) {
            return Transition.of(state.withOverlay(new Overlay.Confirm(action, row)));
        }
        return control(state, action, row);
    }

    private static Transition control(ViewState state, MasterAction action, MasterRow row) {
        return Transition.of(state.withMessage(action.word() + " " + describe(row) + "…"),
                new Effect.ControlMaster(action, row));
    }

    private static String describe(MasterRow row) {
        return String.join(",", row.aliases());
    }

    // ---------------------------------------------------------------- the list

    private static Transition refilter(ViewState state, String filter) {
        if (filter.equals(state.list().filter())) {
            return Transition.of(state);
        }
        return selectionChanged(state, state.withList(state.list().refiltered(filter)));
    }

    /** Frecency order to alphabetical and back; the selected row stays selected. */
    private static Transition toggleOrder(ViewState state) {
        HostList list = state.list();
        return selectionChanged(state,
                state.withList(list.reordered(list.order().toggled(), state.catalogue(), listRows(state))));
    }

    /** Collapses ({@code collapse}) or expands the group of the selected header or host. */
    private static Transition fold(ViewState state, boolean collapse) {
        HostList list = state.list();
        Optional<String> group = list.selectedGroup();
        if (group.isEmpty()) {
            return Transition.of(state);
        }
        if (list.filtering()) {
            return Transition.of(state.withMessage("groups stay open while a filter is typed"));
        }
        return selectionChanged(state, state.withList(list.withGroupCollapsed(group.get(), collapse, listRows(state))));
    }

    /** Enter: a group's header folds or unfolds; a host connects. */
    private static Transition enter(ViewState state) {
        Optional<ListRow> row = state.list().selectedRow();
        if (row.isPresent() && row.get() instanceof ListRow.GroupHeader) {
            return fold(state, !((ListRow.GroupHeader) row.get()).collapsed());
        }
        return connect(state);
    }

    /** {@code jhosts connect HOST} (a new picker, nothing filtered): its row selected, then a new session on it. */
    private static Transition connectTo(ViewState state, String alias) {
        List<ListRow> rows = state.list().rows();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) instanceof ListRow.HostRow hostRow && hostRow.match().host().alias().equals(alias)) {
                // always a new session, as each ssh is: a live one of this host stays where it is
                return connectRegardless(state.withList(state.list().select(i, listRows(state))));
            }
        }
        return Transition.of(state.withMessage(alias + ": not in the list"));
    }

    private static Transition moveTo(ViewState state, int index) {
        return selectionChanged(state, state.withList(state.list().select(index, listRows(state))));
    }

    /** After the list changed: details for a newly selected host, and its prelaunch clock. */
    private static Transition selectionChanged(ViewState before, ViewState after) {
        Optional<String> was = before.list().selectedMatch().map(match -> match.host().alias());
        Optional<String> now = after.list().selectedMatch().map(match -> match.host().alias());
        if (now.equals(was)) {
            return Transition.of(after);
        }
        return withDetailsFor(after.withSelectedSince(after.now()));
    }

    /** Asks for the selected host's details when they are not known yet, and for probes of what is on screen. */
    public static Transition withDetailsFor(ViewState state) {
        Effect probes = new Effect.RequestProbes(probeOrder(state));
        Optional<HostMatch> selected = state.list().selectedMatch();
        if (selected.isEmpty()) {
            return Transition.of(state, probes);
        }
        String alias = selected.get().host().alias();
        if (state.details().containsKey(alias)) {
            return Transition.of(state, probes);
        }
        return Transition.of(state.withDetails(alias, new Details.Resolving()), new Effect.ResolveDetails(alias), probes);
    }

    /** The highlighted host, then the other hosts on screen; none with a live master. */
    static List<String> probeOrder(ViewState state) {
        Set<String> order = new LinkedHashSet<>();
        state.list().selectedMatch().ifPresent(match -> order.add(match.host().alias()));
        List<ListRow> rows = state.list().rows();
        int end = Math.min(rows.size(), state.list().top() + listRows(state));
        for (int i = state.list().top(); i < end; i++) {
            if (rows.get(i) instanceof ListRow.HostRow host) {
                order.add(host.match().host().alias());
            }
        }
        order.removeIf(alias -> state.masterState(alias) instanceof MasterState.Live);
        return List.copyOf(order);
    }

    /** Enter on a host: back to its live session (a chooser for several), else a new one. */
    private static Transition connect(ViewState state) {
        Optional<HostMatch> selected = state.list().selectedMatch();
        if (selected.isPresent()) {
            String alias = selected.get().host().alias();
            // the host's sessions that ended are let go: their status has been seen
            ViewState cleared = state.withSessions(state.sessions().withoutEndedOf(alias));
            return SessionUpdate.toSessionOf(cleared, alias).orElseGet(() -> newSession(cleared));
        }
        return newSession(state);
    }

    /**
     * Keys in a prompt: a question takes the dialogs' yes / accept and no / cancel; an answer is
     * an input line whose typed characters go to the askpass side as effects.
     */
    private static Transition onPromptKey(Keymap keys, ViewState state, Overlay.Prompt prompt, Key key) {
        long id = prompt.request().id();
        if (prompt.request().kind() == PromptKind.CONFIRM) {
            Optional<DialogAction> action = keys.dialogs().action(key);
            if (action.isEmpty()) {
                return Transition.of(state);
            }
            return switch (action.get()) {
                case YES, ACCEPT -> answered(state, prompt);
                case NO, CANCEL -> refused(state, prompt);
                default -> Transition.of(state);
            };
        }
        Optional<FormAction> action = keys.forms().action(key);
        if (action.isPresent()) {
            switch (action.get()) {
                case SUBMIT:
                    return answered(state, prompt);
                case CANCEL:
                    return refused(state, prompt);
                case DELETE_CHAR:
                    String visible = prompt.visible().isEmpty() ? "" : withoutLastCharacter(prompt.visible());
                    return Transition.of(state.withOverlay(new Overlay.Prompt(prompt.request(),
                            prompt.request().kind() == PromptKind.TEXT ? visible : "", Math.max(0, prompt.typed() - 1),
                            prompt.connecting())), new Effect.PromptErase(id));
                default:
                    return Transition.of(state);
            }
        }
        if (key instanceof Key.Typed typed) {
            String visible = prompt.request().kind() == PromptKind.TEXT
                    ? prompt.visible() + new String(Character.toChars(typed.codePoint())) : "";
            return Transition.of(state.withOverlay(new Overlay.Prompt(prompt.request(), visible, prompt.typed() + 1,
                    prompt.connecting())), new Effect.PromptKey(id, typed.codePoint()));
        }
        return Transition.of(state);
    }

    private static Transition answered(ViewState state, Overlay.Prompt prompt) {
        return Transition.of(state.withOverlay(afterPrompt(prompt)).withMessage(prompt.request().host() + ": answer sent"),
                new Effect.PromptAnswer(prompt.request().id()));
    }

    private static Transition refused(ViewState state, Overlay.Prompt prompt) {
        return Transition.of(state.withOverlay(afterPrompt(prompt)).withMessage(prompt.request().host() + ": cancelled"),
                new Effect.PromptCancel(prompt.request().id()));
    }

    /** What is shown once a prompt is answered: the wait for the session's master, or nothing. */
    private static Overlay afterPrompt(Overlay.Prompt prompt) {
        return prompt.connecting().isEmpty() ? new Overlay.None() : new Overlay.Connecting(prompt.connecting(), true);
    }

    /**
     * A new session on the selected host (Ctrl-T: even when it has live ones), unless its probe
     * found the host key changed.
     */
    private static Transition newSession(ViewState state) {
        Optional<HostMatch> selected = state.list().selectedMatch();
        if (selected.isPresent() && state.probe(selected.get().host().alias())
                .map(probe -> probe.hostKey() instanceof HostKeyState.Changed).orElse(false)) {
            return Transition.of(state.withOverlay(new Overlay.HostKeyChanged(selected.get().host().alias())));
        }
        return connectRegardless(state);
    }

    static Transition connectRegardless(ViewState state) {
        Optional<HostMatch> selected = state.list().selectedMatch();
        if (selected.isEmpty()) {
            return Transition.of(state.withMessage("no host matches the filter"));
        }
        String alias = selected.get().host().alias();
        MasterState master = state.masterState(alias);
        if (needsPrompt(master)) {
            return Transition.of(state.withOverlay(new Overlay.Connecting(alias, true)).withMessage("")
                    .withMaster(alias, new MasterState.Starting()), new Effect.StartMasterAsking(alias));
        }
        ViewState waiting = state.withOverlay(new Overlay.Connecting(alias)).withMessage("");
        if (master instanceof MasterState.Live) {
            // connecting until the session is open: the master may have stopped answering since
            return Transition.of(waiting, new Effect.OpenSession(alias));
        }
        if (master instanceof MasterState.Starting) {
            return Transition.of(waiting);
        }
        return Transition.of(waiting.withMaster(alias, new MasterState.Starting()), new Effect.StartMaster(alias));
    }

    private static boolean needsPrompt(MasterState state) {
        return state instanceof MasterState.Failed && ((MasterState.Failed) state).needsPrompt();
    }

    // ---------------------------------------------------------------- background news

    private static Transition onMasterChanged(ViewState state, UiEvent.MasterChanged changed) {
        ViewState updated = state.withMaster(changed.alias(), changed.state());
        if (!(state.overlay() instanceof Overlay.Connecting)
                || !((Overlay.Connecting) state.overlay()).alias().equals(changed.alias())) {
            return Transition.of(updated);
        }
        MasterState master = changed.state();
        if (master instanceof MasterState.Live) {
            return Transition.of(updated, new Effect.OpenSession(changed.alias()));
        }
        if (needsPrompt(master) && !((Overlay.Connecting) state.overlay()).asking()) {
            // the background launch cannot ask: launch again, letting ssh ask
            return Transition.of(updated.withOverlay(new Overlay.Connecting(changed.alias(), true))
                    .withMaster(changed.alias(), new MasterState.Starting()), new Effect.StartMasterAsking(changed.alias()));
        }
        if (master instanceof MasterState.Failed) {
            return Transition.of(updated.withOverlay(new Overlay.None())
                    .withMessage(changed.alias() + ": " + ((MasterState.Failed) master).reason()));
        }
        if (master instanceof MasterState.None) {
            return Transition.of(updated.withOverlay(new Overlay.None())
                    .withMessage(changed.alias() + ": no master could be started"));
        }
        if (master instanceof MasterState.Unresponsive) {
            return Transition.of(updated.withOverlay(new Overlay.None())
                    .withMessage(changed.alias() + ": master does not answer: "
                            + ((MasterState.Unresponsive) master).detail()));
        }
        if (master instanceof MasterState.Cut cut) {
            return Transition.of(updated.withOverlay(new Overlay.None()).withMessage(changed.alias() + ": cut: " + cut.reason()));
        }
        return Transition.of(updated);
    }

    /** The session is open: it gets the terminal if the user still waits for it (not cancelled). */
    private static Transition onSessionReady(ViewState state, String alias) {
        if (state.overlay() instanceof Overlay.Connecting connecting && connecting.alias().equals(alias)) {
            return Transition.of(state.withOverlay(new Overlay.None()), new Effect.AttachSession(alias));
        }
        return Transition.of(state);
    }

    /**
     * New status pane rows; the list's marks follow them. An alias shown live whose master is
     * no longer listed lost it (it exited after ControlPersist, or was ended elsewhere).
     */
    private static Transition onMastersListed(ViewState state, List<MasterRow> rows) {
        ViewState listed = state.withPane(state.pane().withRows(rows));
        Set<String> listedAliases = new HashSet<>();
        for (MasterRow row : rows) {
            for (String alias : row.aliases()) {
                listedAliases.add(alias);
                listed = listed.withMaster(alias, row.state());
            }
        }
        for (Map.Entry<String, MasterState> entry : state.masters().entrySet()) {
            if (entry.getValue() instanceof MasterState.Live && !listedAliases.contains(entry.getKey())) {
                listed = listed.withMaster(entry.getKey(), new MasterState.None());
            }
        }
        return Transition.of(listed.pane().visible() ? listed : listed.withFocus(Focus.HOSTS));
    }

    private static Transition onTick(ViewState state, UiEvent.Tick tick) {
        ViewState ticked = state.withTime(tick.now(), state.spinning() ? state.spinner() + 1 : state.spinner());
        if (tick.now().getEpochSecond() != state.now().getEpochSecond()) {
            // once a second, so that results past probe-interval are renewed
            Transition prelaunch = prelaunchOnTick(ticked, tick);
            List<Effect> effects = new ArrayList<>(prelaunch.effects());
            effects.add(new Effect.RequestProbes(probeOrder(prelaunch.state())));
            return new Transition(prelaunch.state(), effects);
        }
        return prelaunchOnTick(ticked, tick);
    }

    private static Transition prelaunchOnTick(ViewState ticked, UiEvent.Tick tick) {
        ViewState state = ticked;
        Duration delay = state.prelaunchDelay();
        Optional<HostMatch> selected = ticked.list().selectedMatch();
        if (delay.isNegative() || selected.isEmpty() || ticked.overlay() instanceof Overlay.Connecting) {
            return Transition.of(ticked);
        }
        String alias = selected.get().host().alias();
        boolean due = !tick.now().isBefore(ticked.selectedSince().plus(delay));
        if (!due || !ticked.prelaunchPending()) {
            return Transition.of(ticked);
        }
        if (!(ticked.masterState(alias) instanceof MasterState.None)) {
            return Transition.of(ticked.withPrelaunchDone());
        }
        return Transition.of(ticked.withPrelaunchDone().withMaster(alias, new MasterState.Starting()),
                new Effect.StartMaster(alias));
    }

    private static String withoutLastCharacter(String text) {
        if (text.isEmpty()) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(text.length(), -1));
    }

    private static String withoutLastWord(String text) {
        String trimmed = text.stripTrailing();
        int space = trimmed.lastIndexOf(' ');
        return space < 0 ? "" : trimmed.substring(0, space + 1);
    }
}
