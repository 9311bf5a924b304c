package dev.jhosts.session.screen;

/**
 * What DECSC ({@code ESC 7}, {@code CSI s}, {@code CSI ? 1048 h}, and {@code ?1049 h} on entry)
 * saves and DECRC restores, as xterm keeps it per screen buffer: position, the last-column
 * (pending wrap) flag, rendition, origin mode and the G0/G1 designations with the shift state.
 */
record SavedCursor(int x, int y, boolean pendingWrap, long style, boolean origin,
        boolean g0Graphics, boolean g1Graphics, boolean shifted) {
    static final SavedCursor HOME = new SavedCursor(0, 0, false, 0, false, false, false, false);

    SavedCursor clampedTo(int columns, int rows) {
        int cx = Math.min(x, columns - 1);
        return new SavedCursor(cx, Math.min(y, rows - 1), pendingWrap && cx == columns - 1, style, origin,
                g0Graphics, g1Graphics, shifted);
    }
}
