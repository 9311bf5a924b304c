package dev.jhosts.tui.state;

/**
 * One entry of a directory shown in the files pane.
 *
 * @param name its name in the directory (never "." or "..")
 * @param directory whether it is a directory (a link to one counts as one: Enter follows it)
 * @param size its size in bytes, -1 when unknown
 */
public record FileEntry(String name, boolean directory, long size) {}
