package dev.jhosts.tui.state;

import dev.jhosts.master.MasterState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The picker's sessions in the update: start-up policy, sessions opened, detached, switched,
 * ended, and quitting while some live. Pure, like {@link Update}.
 */
final class SessionUpdate {
    private SessionUpdate() {}

    /** Start-up: the prelaunch and ask-at-start masters, and the on-session-end policy. */
    static Transition onStarted(ViewState state, UiEvent.Started started) {
        List<Effect> effects = new ArrayList<>();
        ViewState next = state.withSessions(state.sessions().withExitOnEnd(started.exitOnEnd())
                .withOutlive(started.sessionsOutlive()));
        if (started.canAsk()) {
            for (String alias : started.askAtStart()) {
                if (known(state, alias)) {
                    next = next.withMaster(alias, new MasterState.Starting());
                    effects.add(new Effect.StartMasterAsking(alias));
                }
            }
        }
        for (String alias : started.prelaunch()) {
            if (known(state, alias) && !started.askAtStart().contains(alias)) {
                effects.add(new Effect.StartMaster(alias));
            }
        }
        return new Transition(next, effects);
    }

    private static boolean known(ViewState state, String alias) {
        return state.catalogue().stream().anyMatch(host -> host.alias().equals(alias));
    }

    /** Enter on a host: its live session back (with several, a chooser); empty when it has none. */
    static Optional<Transition> toSessionOf(ViewState state, String alias) {
        List<SessionRow> live = state.sessions().liveOf(alias);
        if (live.isEmpty()) {
            return Optional.empty();
        }
        if (live.size() == 1 && live.get(0).link() == SessionRow.Link.NEEDS_YOU) {
            // its master needs the user: made here, asking in this terminal; the session goes on through it
            return Optional.of(Transition.of(state.withMaster(alias, new MasterState.Starting())
                    .withMessage(alias + ": making its master again (it asks you); the session comes back through it"),
                    new Effect.StartMasterAsking(alias)));
        }
        if (live.size() == 1) {
            return Optional.of(reattach(state, live.get(0).id()));
        }
        List<Long> ids = live.stream().map(SessionRow::id).toList();
        return Optional.of(Transition.of(state.withOverlay(new Overlay.ChooseSession(alias, ids, 0))));
    }

    /** Session {@code id} gets the terminal again. */
    /**
     * Back to session {@code id}; one that another terminal shows is moved here only once the
     * user says so ({@link Overlay.MoveSession}).
     */
    static Transition reattach(ViewState state, long id) {
        Optional<SessionRow> row = state.sessions().find(id);
        if (row.isPresent() && !row.get().shownIn().isEmpty()) {
            return Transition.of(state.withOverlay(new Overlay.MoveSession(id, row.get().alias(), row.get().shownIn())));
        }
        return show(state, id);
    }

    /** Session {@code id} on this terminal, now. */
    private static Transition show(ViewState state, long id) {
        return Transition.of(state.withOverlay(new Overlay.None()).withMessage("")
                .withSessions(state.sessions().changed(id, SessionRow::seen).attachedTo(id)), new Effect.Reattach(id));
    }

    /** Keys in the chooser: the dialogs' up, down, accept and cancel; 1 to 9 take that choice. */
    static Transition onChooserKey(Keymap keys, ViewState state, Overlay.ChooseSession chooser, Key key) {
        int choices = chooser.ids().size() + 1;
        Optional<DialogAction> action = keys.dialogs().action(key);
        if (action.isEmpty() && key instanceof Key.Typed typed && typed.codePoint() >= '1' && typed.codePoint() <= '9') {
            int index = typed.codePoint() - '1';
            if (index < choices) {
                return choose(state, chooser, index);
            }
            return Transition.of(state);
        }
        if (action.isEmpty()) {
            return Transition.of(state);
        }
        return switch (action.get()) {
            case UP -> Transition.of(state.withOverlay(new Overlay.ChooseSession(chooser.alias(), chooser.ids(),
                    Math.floorMod(chooser.selected() - 1, choices))));
            case DOWN -> Transition.of(state.withOverlay(new Overlay.ChooseSession(chooser.alias(), chooser.ids(),
                    Math.floorMod(chooser.selected() + 1, choices))));
            case ACCEPT -> choose(state, chooser, chooser.selected());
            case CANCEL -> Transition.of(state.withOverlay(new Overlay.None()));
            default -> Transition.of(state);
        };
    }

    private static Transition choose(ViewState state, Overlay.ChooseSession chooser, int index) {
        ViewState closed = state.withOverlay(new Overlay.None());
        if (index >= chooser.ids().size()) {
            return Update.connectRegardless(closed);
        }
        long id = chooser.ids().get(index);
        if (closed.sessions().find(id).filter(SessionRow::live).isEmpty()) {
            return Transition.of(closed.withMessage("that session has ended"));
        }
        return reattach(closed, id);
    }

    /** Esc on an empty filter, Ctrl-C: quit, after asking when sessions live. */
    static Transition quit(ViewState state, int exitCode) {
        List<SessionRow> live = state.sessions().live();
        if (live.isEmpty()) {
            return Transition.of(state, new Effect.Quit(exitCode));
        }
        List<String> names = live.stream().map(row -> row.alias() + " #" + row.id()).toList();
        List<Long> ids = live.stream().map(SessionRow::id).toList();
        return Transition.of(state.withOverlay(new Overlay.ConfirmQuit(names, ids, exitCode, state.sessions().outlive())));
    }

    /**
     * In the quit question: yes, accept or a second quit key quits, hanging the sessions up; the
     * keep key (a server's sessions) quits and leaves them running; anything else stays.
     */
    static Transition onConfirmQuitKey(Keymap keys, ViewState state, Overlay.ConfirmQuit confirm, Key key) {
        if (keys.dialogs().is(DialogAction.YES, key) || keys.dialogs().is(DialogAction.ACCEPT, key)
                || keys.picker().is(PickerAction.QUIT, key)) {
            return Transition.of(state.withOverlay(new Overlay.None()), new Effect.HangUp(confirm.ids()),
                    new Effect.Quit(confirm.exitCode()));
        }
        if (confirm.keepable() && keys.dialogs().is(DialogAction.KEEP, key)) {
            return Transition.of(state.withOverlay(new Overlay.None()), new Effect.Quit(confirm.exitCode()));
        }
        return Transition.of(state.withOverlay(new Overlay.None()).withMessage("not quitting: the sessions go on"));
    }

    static Transition onOpened(ViewState state, UiEvent.SessionOpened opened) {
        Sessions sessions = state.sessions().added(SessionRow.opened(opened.id(), opened.alias(), opened.at()))
                .attachedTo(opened.id());
        return Transition.of(state.withSessions(sessions));
    }

    /** {@code jhosts attach}: the session on the terminal at once (from another one too), when it is still live. */
    static Transition onShow(ViewState state, UiEvent.ShowSession show) {
        if (state.sessions().find(show.id()).filter(SessionRow::live).isEmpty()) {
            return Transition.of(state.withMessage("session #" + show.id() + " has ended"));
        }
        return show(state, show.id());
    }

    /**
     * Where a session is shown now. This picker's own attachment is told too (and cleared when it
     * ends, before the terminal is back): the row then says nothing else.
     */
    static Transition onShown(ViewState state, UiEvent.SessionShown shown) {
        if (state.sessions().find(shown.id()).isEmpty()) {
            return Transition.of(state);
        }
        return Transition.of(state.withSessions(state.sessions().changed(shown.id(), row -> row.withShownIn(shown.where()))));
    }

    /** In the move question: yes or accept moves the session here; anything else stays. */
    static Transition onMoveKey(Keymap keys, ViewState state, Overlay.MoveSession move, Key key) {
        ViewState closed = state.withOverlay(new Overlay.None());
        if (keys.dialogs().is(DialogAction.YES, key) || keys.dialogs().is(DialogAction.ACCEPT, key)) {
            if (closed.sessions().find(move.id()).filter(SessionRow::live).isEmpty()) {
                return Transition.of(closed.withMessage("that session has ended"));
            }
            return show(closed, move.id());
        }
        return Transition.of(closed.withMessage(move.alias() + " #" + move.id() + " stays in " + move.where()));
    }

    /** A session this picker did not open: a row of its own, not attached; once. */
    static Transition onListed(ViewState state, UiEvent.SessionListed listed) {
        if (state.sessions().find(listed.id()).isPresent()) {
            return Transition.of(state);
        }
        SessionRow row = new SessionRow(listed.id(), listed.alias(), listed.started(), listed.lastOutput(), false, "");
        return Transition.of(state.withSessions(state.sessions().added(row)));
    }

    static Transition onOutput(ViewState state, UiEvent.SessionOutput output) {
        if (output.id() == state.sessions().attached()) {
            return Transition.of(state);
        }
        return Transition.of(state.withSessions(state.sessions().changed(output.id(), row -> row.withOutput(output.at()))));
    }

    /** The connection under a session changed: its row says it; a detached one's news goes to the status line. */
    static Transition onLink(ViewState state, UiEvent.SessionLink link) {
        Optional<SessionRow> row = state.sessions().find(link.id());
        if (row.isEmpty() || !row.get().live() || row.get().link() == link.link()) {
            return Transition.of(state);
        }
        ViewState next = state.withSessions(state.sessions().changed(link.id(), r -> r.withLink(link.link())));
        if (link.id() == state.sessions().attached() && link.link() == SessionRow.Link.NEEDS_YOU) {
            // shown here: the master is made here, asking in this terminal, once the session has
            // given it back (the hub sends it back to the list); the session goes on through it
            String alias = row.get().alias();
            return Transition.of(next.withMaster(alias, new MasterState.Starting())
                    .withMessage(alias + ": its master needs you; answer here, then Enter on it goes back"),
                    new Effect.StartMasterAsking(alias));
        }
        if (link.id() == state.sessions().attached()) {
            return Transition.of(next);
        }
        String words = link.link() == SessionRow.Link.UP ? "connection back" : link.link().words();
        return Transition.of(next.withMessage(row.get().alias() + " #" + link.id() + ": " + words));
    }

    /** A session is over: one that had the terminal is dealt with when the terminal is back. */
    static Transition onOver(ViewState state, UiEvent.SessionOver over) {
        Optional<SessionRow> row = state.sessions().find(over.id());
        if (row.isEmpty() || !row.get().live()) {
            return Transition.of(state);
        }
        ViewState ended = state.withSessions(state.sessions().changed(over.id(), r -> r.endedWith(over.summary())));
        if (over.id() == state.sessions().attached()) {
            return Transition.of(ended);
        }
        return Transition.of(ended.withMessage(row.get().alias() + ": detached session ended: " + over.summary()));
    }

    /** The terminal is the list's again: after a detach, maybe straight on to the next session. */
    static Transition onTerminalBack(ViewState state, LoanEnd end) {
        Sessions sessions = state.sessions().attachedTo(0);
        ViewState back = state.withSessions(sessions);
        if (end instanceof LoanEnd.Detached detached) {
            ViewState left = back.withSessions(sessions.changed(detached.id(), row -> row.leftAt(state.now())));
            boolean needsYou = state.sessions().find(detached.id())
                    .filter(row -> row.link() == SessionRow.Link.NEEDS_YOU).isPresent();
            if (needsYou) {
                // sent back to ask for its master here: that question's words stay
                return Transition.of(left);
            }
            if (detached.toward() == LoanEnd.Toward.LIST) {
                return Transition.of(left.withMessage(alias(state, detached.id()) + ": detached; Enter on it comes back"));
            }
            Optional<SessionRow> beside = left.sessions().beside(detached.id(),
                    detached.toward() == LoanEnd.Toward.NEXT ? 1 : -1);
            if (beside.isEmpty()) {
                return Transition.of(left.withMessage("no other live session"));
            }
            return reattach(left, beside.get().id());
        }
        if (end instanceof LoanEnd.SessionOver over) {
            String alias = alias(state, over.id());
            ViewState ended = back.withSessions(sessions.removed(over.id()))
                    .withMessage(alias + ": session ended: " + over.summary());
            return afterAttachedEnd(ended, over.status());
        }
        if (end instanceof LoanEnd.SshOver ssh) {
            return afterAttachedEnd(back.withMessage(ssh.alias() + ": session ended: " + ssh.summary()), ssh.status());
        }
        LoanEnd.Resumed resumed = (LoanEnd.Resumed) end;
        return Transition.of(resumed.problem().isEmpty() ? back : back.withMessage("cannot suspend: " + resumed.problem()));
    }

    /**
     * {@code on-session-end = exit} (and {@code jhosts connect HOST}): jhosts exits with the remote
     * status, 255 when there is none (as ssh), asking first if others live.
     */
    private static Transition afterAttachedEnd(ViewState state, int status) {
        if (!state.sessions().exitOnEnd()) {
            return Transition.of(state);
        }
        return quit(state, status < 0 ? 255 : status);
    }

    static Transition onNotOpened(ViewState state, UiEvent.SessionNotOpened notOpened) {
        return Transition.of(state.withOverlay(new Overlay.None())
                .withMessage(notOpened.alias() + ": session ended: " + notOpened.why()));
    }

    private static String alias(ViewState state, long id) {
        return state.sessions().find(id).map(SessionRow::alias).orElse("session #" + id);
    }
}
