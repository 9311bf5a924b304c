package dev.jhosts.tui.state;

/** A horizontal band of screen rows: {@code height} rows from row {@code top}; 0 rows = not shown. */
public record Band(int top, int height) {
    public static final Band NONE = new Band(0, 0);

    public boolean shown() {
        return height > 0;
    }
}
