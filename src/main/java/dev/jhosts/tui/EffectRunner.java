package dev.jhosts.tui;

import dev.jhosts.askpass.AskpassServer;
import dev.jhosts.master.Masters;
import dev.jhosts.tui.state.Effect;
import dev.jhosts.tui.state.LoanEnd;
import dev.jhosts.tui.state.UiEvent;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Carries out the effects the update asks for, on the UI thread: what can wait is handed to the
 * background helpers, whose results come back as events; the terminal is lent through {@link
 * TerminalLending} only.
 */
final class EffectRunner {
    /** What the effects need of the loop that runs them. */
    interface Loop {
        void quit(int status);

        void redrawAll();

        /** Applies {@code event} at once, before the next effect. */
        void apply(UiEvent event) throws IOException;

        /** Drops the oldest {@code count} key events still to be applied (their bytes went elsewhere). */
        void dropKeyEvents(int count);
    }

    private final Background background;
    private final Masters masters;
    private final TerminalLending lending;
    private final TmuxOpener tmux;
    private final Consumer<String> connectRecorder;
    private final Consumer<UiEvent> post;
    private final Clock clock;
    private final Loop loop;
    private final HostEditWork hostEdits;
    /** The terminal's name, as the server's session list shows where a session is attached. */
    private final String where;

    EffectRunner(Background background, Masters masters, TerminalLending lending, TmuxOpener tmux,
            Consumer<String> connectRecorder, Consumer<UiEvent> post, Clock clock, Loop loop, HostEdits edits,
            String where) {
        this.where = where;
        this.background = background;
        this.masters = masters;
        this.lending = lending;
        this.tmux = tmux;
        this.connectRecorder = connectRecorder;
        this.post = post;
        this.clock = clock;
        this.loop = loop;
        this.hostEdits = new HostEditWork(edits, post);
    }

    void run(Effect effect) throws IOException {
        Optional<AskpassServer> askpass = background.askpass();
        if (effect instanceof Effect.Quit quit) {
            loop.quit(quit.exitCode());
        } else if (effect instanceof Effect.HangUp hangUp) {
            background.sessions.hangUp(hangUp.ids());
        } else if (effect instanceof Effect.ResolveDetails resolve) {
            background.details.request(resolve.alias());
        } else if (effect instanceof Effect.RequestProbes request) {
            background.probes.request(request.aliases());
        } else if (effect instanceof Effect.StartMasterAsking asking) {
            if (askpass.isPresent()) {
                masters.start(asking.alias(), askpass.get());
            } else {
                // no helper to ask through: ssh asks on the terminal, and that connection becomes the master
                background.opener.open(asking.alias());
            }
        } else if (effect instanceof Effect.PromptKey typed) {
            askpass.ifPresent(server -> server.type(typed.id(), typed.codePoint()));
        } else if (effect instanceof Effect.PromptErase erased) {
            askpass.ifPresent(server -> server.erase(erased.id()));
        } else if (effect instanceof Effect.PromptAnswer answered) {
            askpass.ifPresent(server -> server.submit(answered.id()));
        } else if (effect instanceof Effect.PromptCancel cancelled) {
            askpass.ifPresent(server -> server.cancel(cancelled.id()));
        } else if (effect instanceof Effect.RedrawAll) {
            loop.redrawAll();
        } else if (effect instanceof Effect.Suspend) {
            lend("stop", lending.stop());
        } else if (effect instanceof Effect.StartMaster start) {
            // its outcome reaches the list through the masters' listener, once, in order
            masters.start(start.alias());
        } else if (effect instanceof Effect.OpenSession open) {
            background.opener.open(open.alias());
        } else if (effect instanceof Effect.AttachSession attach) {
            attachNew(attach.alias());
        } else if (effect instanceof Effect.Reattach reattach) {
            lendToSession(reattach.id());
        } else if (effect instanceof Effect.OpenInTmux open) {
            tmux.open(open.alias());
        } else if (effect instanceof Effect.Work work) {
            if (ForwardCommands.handles(work.request())) {
                background.forwards.run(work.request());
            } else if (RunCommands.handles(work.request())) {
                background.runs.run(work.request());
            } else if (FilesCommands.handles(work.request())) {
                background.files.run(work.request());
            }
        } else if (effect instanceof Effect.ReadHostBlock read) {
            hostEdits.read(read);
        } else if (effect instanceof Effect.SaveHost save) {
            hostEdits.save(save);
        } else if (effect instanceof Effect.ControlMaster control) {
            background.commands.run(control.action(), control.row(), control.cutDependants());
        }
    }

    /** The session just opened for {@code alias}: held, then given the terminal; or plain ssh on it. */
    private void attachNew(String alias) throws IOException {
        Optional<SessionRunner.Prepared> opened = background.opener.take(alias);
        if (opened.isEmpty()) {
            return;
        }
        if (lending.lent()) {
            SessionRunner.discard(opened.get());
            return;
        }
        connectRecorder.accept(alias);
        if (opened.get() instanceof SessionRunner.Prepared.Bridged bridged) {
            long id = background.sessions.add(alias, bridged.session(), post);
            loop.apply(new UiEvent.SessionOpened(id, alias, clock.instant()));
            lendToSession(id);
        } else if (opened.get() instanceof SessionRunner.Prepared.PlainSsh plain) {
            lend("ssh-" + alias, new TerminalLending.Borrower() {
                @Override
                public boolean raw() {
                    return false;
                }

                @Override
                public LoanEnd use(byte[] typeahead) {
                    return background.runner.runPlainSsh(plain);
                }

                @Override
                public LoanEnd failed(String why) {
                    return new LoanEnd.SshOver(alias, "ssh failed: " + why, -1);
                }
            });
        }
    }

    private void lendToSession(long id) throws IOException {
        if (lending.lent()) {
            return;
        }
        lend("session-" + id, new TerminalLending.Borrower() {
            @Override
            public boolean raw() {
                // keys typed until the bridge copies them are not echoed, they wait for it
                return true;
            }

            @Override
            public LoanEnd use(byte[] typeahead) {
                return background.sessions.attach(id, background.terminal.sessionTerminal(),
                        background.terminal.cookedAttributes(), where, typeahead);
            }

            @Override
            public LoanEnd failed(String why) {
                return new LoanEnd.Detached(id, LoanEnd.Toward.LIST);
            }
        });
    }

    private void lend(String name, TerminalLending.Borrower borrower) throws IOException {
        try {
            loop.dropKeyEvents(lending.lend(name, borrower));
        } catch (IOException | RuntimeException e) {
            post.accept(new UiEvent.TerminalBack(borrower.failed(String.valueOf(e.getMessage()))));
            post.accept(new UiEvent.Notice("cannot give the terminal to " + name + ": " + e.getMessage()));
        }
    }
}
