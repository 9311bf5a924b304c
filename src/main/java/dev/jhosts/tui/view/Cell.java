package dev.jhosts.tui.view;

/**
 * One glyph as drawn: its text (one code point, or a wide BMP glyph followed by U+FE0F so that
 * Lanterna also counts it as two columns), its width in columns, and the index in the source
 * string it came from (for highlighting).
 */
public record Cell(String text, int width, int sourceIndex) {}
