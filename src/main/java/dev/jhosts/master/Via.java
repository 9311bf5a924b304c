package dev.jhosts.master;

import java.nio.file.Path;

/** A master that another rides: its name and its socket. */
public record Via(String label, Path socket) {}
