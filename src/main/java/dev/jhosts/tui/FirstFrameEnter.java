package dev.jhosts.tui;

import dev.jhosts.master.MasterState;
import dev.jhosts.tui.state.Focus;
import dev.jhosts.tui.state.Key;
import dev.jhosts.tui.state.Keymap;
import dev.jhosts.tui.state.ListAction;
import dev.jhosts.tui.state.Overlay;
import dev.jhosts.tui.state.ViewState;
import java.util.List;
import java.util.Optional;

/**
 * Enter typed on a picker's first frame before the picker itself has come: the server drew the
 * frame while the client's JVM starts, on a terminal still cooked, where Enter waits as a line
 * of its own. The session that Enter would open is opened at once, so that the remote shell
 * starts while the client does, and the picker shows it when it comes. Only where Enter in the
 * picker would open a new session straight away: Enter bound to connect, a host's row selected
 * in the list with nothing over it, the host's master known live (else Enter would start one, or
 * ask), and no live session of the host's (Enter would show that one). A master that confirms
 * each use is left out by the caller, which knows the masters.
 */
final class FirstFrameEnter {
    private FirstFrameEnter() {}

    /** The host on which Enter on {@code first} opens a new session at once, if any. */
    static Optional<String> host(ViewState first, Keymap keys, List<SessionHub.Listing> sessions) {
        if (!keys.list().action(new Key.Named(Key.Name.ENTER)).equals(Optional.of(ListAction.CONNECT))
                || !(first.overlay() instanceof Overlay.None) || first.focus() != Focus.HOSTS) {
            return Optional.empty();
        }
        return first.list().selectedMatch()
                .map(match -> match.host().alias())
                .filter(alias -> first.masterState(alias) instanceof MasterState.Live)
                .filter(alias -> sessions.stream().noneMatch(session -> session.alias().equals(alias)));
    }
}
