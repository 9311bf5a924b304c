package dev.jhosts.server;

import com.googlecode.lanterna.TerminalSize;
import dev.jhosts.tui.JhostsApp;
import dev.jhosts.tui.SessionHub;
import dev.jhosts.tui.terminal.TerminalOwner;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import org.jline.terminal.Attributes;

/** What the server shows on its clients' terminals, and the sessions they share. */
public interface Pickers {
    /** Runs a picker on {@code terminal} until the user quits or the terminal goes away; its exit status. */
    int show(TerminalOwner terminal, JhostsApp.Viewer viewer, JhostsApp.Opening opening) throws IOException;

    /**
     * Draws the first frame {@link #show} would draw for {@code viewer}, on {@code tty}, a
     * terminal of {@code size} that nobody has taken yet: output only ({@link Previews}).
     */
    void preview(JhostsApp.Viewer viewer, OutputStream tty, TerminalSize size) throws IOException;

    /**
     * Enter typed on a first frame {@link #preview} drew, before its picker came: the session it
     * would open, opened now for the picker to show; its id ({@link JhostsApp#openAtFirstFrame}).
     */
    Optional<Long> openAtFirstFrame(JhostsApp.Viewer viewer, TerminalSize size, Attributes cooked);

    /** Whether {@code alias} is a host of the list (one a picker can open a session on). */
    boolean lists(String alias);

    SessionHub sessions();

    /** Whether the settings file changed (and reads well) since these pickers were made of it. */
    boolean settingsChanged();

    /** Whether the settings file differs now from what these pickers were made of, readable or not. */
    boolean settingsFileChanged();
}
