package dev.jhosts.server;

import com.googlecode.lanterna.TerminalSize;
import dev.jhosts.tui.JhostsApp;
import dev.jhosts.tui.SessionHub;
import dev.jhosts.tui.terminal.TerminalOwner;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import org.jline.terminal.Attributes;

/** The server's {@link Pickers} before its runtime is made: each call waits for them ({@link ServedLater}). */
final class ArrivingPickers implements Pickers {
    private final ServedLater later;

    ArrivingPickers(ServedLater later) {
        this.later = later;
    }

    @Override
    public int show(TerminalOwner terminal, JhostsApp.Viewer viewer, JhostsApp.Opening opening) throws IOException {
        Pickers pickers;
        try {
            pickers = later.await().pickers();
        } catch (ServedLater.NotMade notMade) {
            // the picker's failure, said by ShownTerminal's Exit: not the connection's, which would say it again
            throw new IOException(notMade.getMessage(), notMade);
        }
        return pickers.show(terminal, viewer, opening);
    }

    @Override
    public void preview(JhostsApp.Viewer viewer, OutputStream tty, TerminalSize size) throws IOException {
        try {
            later.await().pickers().preview(viewer, tty, size);
        } catch (ServedLater.NotMade notMade) {
            throw new IOException(notMade.getMessage(), notMade);
        }
    }

    @Override
    public Optional<Long> openAtFirstFrame(JhostsApp.Viewer viewer, TerminalSize size, Attributes cooked) {
        try {
            return later.await().pickers().openAtFirstFrame(viewer, size, cooked);
        } catch (ServedLater.NotMade notMade) {
            return Optional.empty();
        }
    }

    @Override
    public boolean lists(String alias) {
        return later.await().pickers().lists(alias);
    }

    @Override
    public SessionHub sessions() {
        return later.await().pickers().sessions();
    }

    /** Pickers not made yet are being made of the settings the server read as it started: no change to tell. */
    @Override
    public boolean settingsChanged() {
        return later.ifArrived().map(served -> served.pickers().settingsChanged()).orElse(false);
    }

    @Override
    public boolean settingsFileChanged() {
        return later.ifArrived().map(served -> served.pickers().settingsFileChanged()).orElse(false);
    }
}
