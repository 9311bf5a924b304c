package dev.jhosts.tui.state;

/** The terminal's size in character cells; never below 1×1. */
public record ScreenSize(int columns, int rows) {
    public ScreenSize {
        columns = Math.max(1, columns);
        rows = Math.max(1, rows);
    }
}
