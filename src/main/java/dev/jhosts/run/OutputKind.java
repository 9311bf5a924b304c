package dev.jhosts.run;

/** Which of a command's streams bytes came from. */
public enum OutputKind { STDOUT, STDERR }
