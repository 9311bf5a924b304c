package dev.jhosts.master;

import java.nio.file.Path;

/** A master that answered: where to open sessions, and the pid to send SIGWINCH to. */
public record LiveMaster(Path socket, long pid) {}
