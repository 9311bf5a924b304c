package dev.jhosts.tui.state;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The files pane: one host's directory (from its login directory) beside a local one, which side
 * has the keys, the line being typed (a new folder's name, a new name) or the delete asked about,
 * and the copies under way per host (shown in the pane and on the host's row, the pane open or not).
 *
 * @param open whether the pane is on screen
 * @param alias the host whose files are shown
 * @param remoteSide whether the remote side has the keys
 * @param remote the host's side
 * @param local the local side
 * @param editing what the line being typed is for
 * @param input the line being typed
 * @param deleting the paths a delete asks about (empty when it asks nothing)
 * @param deletingRemote whether those paths are on the host
 * @param transfers each host's copy under way: what it has done, as shown
 */
public record FilesPane(boolean open, String alias, boolean remoteSide, FilesSide remote, FilesSide local,
        Editing editing, LineInput input, List<String> deleting, boolean deletingRemote,
        Map<String, String> transfers) {

    /** What a line being typed in the pane is for. */
    public enum Editing { NONE, MAKE_FOLDER, RENAME }

    public static final FilesPane CLOSED = new FilesPane(false, "", true, FilesSide.loading("."),
            FilesSide.loading(""), Editing.NONE, LineInput.EMPTY, List.of(), false, Map.of());

    public FilesPane {
        deleting = List.copyOf(deleting);
        transfers = Map.copyOf(transfers);
    }

    /** The pane opened on {@code host}: both sides to be listed, the copies under way kept. */
    public FilesPane opened(String host) {
        return new FilesPane(true, host, true, FilesSide.loading("."), FilesSide.loading(""), Editing.NONE,
                LineInput.EMPTY, List.of(), false, transfers);
    }

    public FilesPane closed() {
        return new FilesPane(false, alias, remoteSide, remote, local, Editing.NONE, LineInput.EMPTY, List.of(), false,
                transfers);
    }

    /** The side with the keys. */
    public FilesSide current() {
        return remoteSide ? remote : local;
    }

    /** The other side (a copy's destination). */
    public FilesSide other() {
        return remoteSide ? local : remote;
    }

    public FilesPane withSide(boolean onRemote, FilesSide side) {
        return new FilesPane(open, alias, remoteSide, onRemote ? side : remote, onRemote ? local : side, editing, input,
                deleting, deletingRemote, transfers);
    }

    public FilesPane withCurrent(FilesSide side) {
        return withSide(remoteSide, side);
    }

    public FilesPane switched() {
        return new FilesPane(open, alias, !remoteSide, remote, local, editing, input, deleting, deletingRemote,
                transfers);
    }

    public FilesPane editing(Editing what, LineInput text) {
        return new FilesPane(open, alias, remoteSide, remote, local, what, text, deleting, deletingRemote, transfers);
    }

    public FilesPane asking(List<String> paths, boolean onRemote) {
        return new FilesPane(open, alias, remoteSide, remote, local, editing, input, paths, onRemote, transfers);
    }

    public FilesPane withTransfer(String host, String text) {
        Map<String, String> changed = new HashMap<>(transfers);
        if (text.isEmpty()) {
            changed.remove(host);
        } else {
            changed.put(host, text);
        }
        return new FilesPane(open, alias, remoteSide, remote, local, editing, input, deleting, deletingRemote, changed);
    }
}
