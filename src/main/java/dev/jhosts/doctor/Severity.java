package dev.jhosts.doctor;

import java.util.Locale;

/** How much a finding of {@code jhosts doctor} matters. */
public enum Severity {
    /** All is well. */
    OK,
    /** Worth knowing; jhosts works as it should. */
    NOTE,
    /** jhosts works, but not as well as it could: something to fix. */
    WARNING,
    /** Something jhosts needs does not work. */
    PROBLEM;

    /** Whether {@code jhosts doctor} exits 1 for it. */
    public boolean fails() {
        return this == WARNING || this == PROBLEM;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
