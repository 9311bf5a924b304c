package dev.jhosts.tui.view;

/** Where the terminal cursor goes after a frame is drawn (the end of the filter text). */
public record CursorAt(int column, int row) {}
