package dev.jhosts.tui;

import dev.jhosts.tui.state.LoanEnd;
import dev.jhosts.tui.state.UiEvent;
import dev.jhosts.tui.terminal.KeyReader;
import dev.jhosts.tui.terminal.TerminalOwner;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * The one way the list lends the user's terminal: to an attached session, to a plain ssh, to a
 * Ctrl-Z stop. {@link #lend} (on the UI thread) takes the keys from the list with what was typed
 * ahead, leaves the screen, and runs the borrower on a thread of its own; when the borrower is
 * done it posts {@link UiEvent.TerminalBack}, on which the UI thread calls {@link #takeBack}.
 * Between the two the list draws nothing and reads no key. One loan at a time.
 */
final class TerminalLending {
    /** What the terminal is lent to. */
    interface Borrower {
        /** Raw (the bridge: keys typed meanwhile wait for it) or the user's normal modes (ssh, a stop). */
        boolean raw();

        /** Uses the terminal, on the loan's thread, until done; {@code typeahead} is what was typed before. */
        LoanEnd use(byte[] typeahead);

        /** What the list is told when the terminal could not be lent at all. */
        LoanEnd failed(String why);
    }

    private final TerminalOwner terminal;
    private final KeyReader keys;
    private final Consumer<UiEvent> events;
    private boolean lent;

    TerminalLending(TerminalOwner terminal, KeyReader keys, Consumer<UiEvent> events) {
        this.terminal = terminal;
        this.keys = keys;
        this.events = events;
    }

    boolean lent() {
        return lent;
    }

    /**
     * Lends the terminal to {@code borrower}. Returns how many key events the list had been
     * given but not yet applied whose bytes went to the borrower (the caller drops them).
     */
    int lend(String name, Borrower borrower) throws IOException {
        if (lent) {
            throw new IllegalStateException("the terminal is lent already");
        }
        KeyReader.HandOver handOver = keys.handOver();
        lent = true;
        try {
            if (borrower.raw()) {
                terminal.stopScreenStayingRaw();
            } else {
                terminal.stopScreen();
            }
        } catch (IOException | RuntimeException e) {
            takeBack();
            throw e;
        }
        Thread loan = new Thread(() -> {
            LoanEnd end;
            try {
                end = borrower.use(handOver.bytes());
            } catch (RuntimeException e) {
                end = borrower.failed(String.valueOf(e.getMessage()));
            }
            events.accept(new UiEvent.TerminalBack(end));
        }, "jhosts-lent-" + name);
        loan.setDaemon(true);
        loan.start();
        return handOver.reclaimedKeys();
    }

    /** The terminal is the list's again: the screen (redrawn whole by the next refresh), the keys. */
    void takeBack() throws IOException {
        lent = false;
        try {
            terminal.startScreen();
        } finally {
            keys.resume();
        }
    }

    /** Ctrl-Z as a borrower: the terminal as found, the process stopped until {@code fg}. */
    Borrower stop() {
        return new Borrower() {
            @Override
            public boolean raw() {
                return false;
            }

            @Override
            public LoanEnd failed(String why) {
                return new LoanEnd.Resumed(why);
            }

            @Override
            public LoanEnd use(byte[] typeahead) {
                // what was typed before Ctrl-Z is the list's after fg
                terminal.giveBackInput(typeahead);
                try {
                    terminal.side().stop();
                    return new LoanEnd.Resumed("");
                } catch (IOException e) {
                    return new LoanEnd.Resumed(e.getMessage());
                }
            }
        };
    }
}
