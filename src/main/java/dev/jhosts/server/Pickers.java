package dev.jhosts.server;

import dev.jhosts.tui.JhostsApp;
import dev.jhosts.tui.SessionHub;
import dev.jhosts.tui.terminal.TerminalOwner;
import java.io.IOException;
import java.util.Optional;

/** What the server shows on its clients' terminals, and the sessions they share. */
public interface Pickers {
    /** Runs a picker on {@code terminal} until the user quits or the terminal goes away; its exit status. */
    int show(TerminalOwner terminal, JhostsApp.Viewer viewer, Optional<Long> attach) throws IOException;

    SessionHub sessions();

    /** Whether the settings file changed (and reads well) since these pickers were made of it. */
    boolean settingsChanged();
}
