package dev.jhosts.session.screen;

/**
 * The parameters of the control sequence being read, reused for every sequence: numbers
 * separated by {@code ;}, sub-parameters by {@code :} (ECMA-48 §5.4.2; ITU T.416 for the SGR
 * colour forms), a private marker ({@code ? > = <}) and an intermediate byte ({@code SP ! " $ '}).
 */
final class CsiParameters {
    /** Sequences with more parameters keep the first ones (xterm keeps 30). */
    static final int LIMIT = 32;
    /** A parameter's value is capped (xterm caps at 65535 too): counts never overflow. */
    static final int VALUE_LIMIT = 65535;
    static final int MISSING = -1;

    final int[] values = new int[LIMIT];
    /** {@code subParameter[i]}: parameter i came after a colon, so it belongs to the one before. */
    final boolean[] subParameter = new boolean[LIMIT];
    int count;
    int privateMarker;
    int intermediate;
    boolean overflowed;

    void clear() {
        count = 0;
        privateMarker = 0;
        intermediate = 0;
        overflowed = false;
        values[0] = MISSING;
        subParameter[0] = false;
    }

    void digit(int digit) {
        if (count == 0) {
            count = 1;
        }
        int i = count - 1;
        int value = values[i] == MISSING ? 0 : values[i];
        values[i] = Math.min(VALUE_LIMIT, value * 10 + digit);
    }

    void separator(boolean colon) {
        if (count == 0) {
            count = 1; // a leading separator ends an empty first parameter
        }
        if (count == LIMIT) {
            overflowed = true;
            return;
        }
        values[count] = MISSING;
        subParameter[count] = colon;
        count++;
    }

    /** Parameter {@code i}, or {@code fallback} when missing or 0 where 0 means the default. */
    int get(int i, int fallback) {
        if (i >= count || values[i] == MISSING) {
            return fallback;
        }
        return values[i];
    }

    /** A count or position parameter: missing and 0 both mean 1 (ECMA-48). */
    int atLeastOne(int i) {
        int value = get(i, 1);
        return value == 0 ? 1 : value;
    }
}
