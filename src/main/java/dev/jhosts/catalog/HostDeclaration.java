package dev.jhosts.catalog;

import java.nio.file.Path;

/** A plain alias on a Host line: where it is written and the block it opens. */
record HostDeclaration(String alias, Path file, int line, Section section) {}
