package dev.jhosts.catalog;

/**
 * Whether a block applies to a host: yes, no, or unknown, for a Match criterion jhosts does not
 * evaluate ({@code exec}, {@code localnetwork}, ...). Three-valued logic: {@code and} of no and
 * anything is no; the negation of unknown is unknown.
 */
enum Truth {
    TRUE, FALSE, UNKNOWN;

    static Truth of(boolean value) {
        return value ? TRUE : FALSE;
    }

    Truth and(Truth other) {
        if (this == FALSE || other == FALSE) {
            return FALSE;
        }
        return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : TRUE;
    }

    Truth not() {
        return switch (this) {
            case TRUE -> FALSE;
            case FALSE -> TRUE;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
