package dev.jhosts.session.screen;

/**
 * Fills a row's cells by doubling {@code System.arraycopy}. The server runs C1 only (the
 * launcher's options), which compiles {@code Arrays.fill} to one store per cell but
 * {@code arraycopy} to the JDK's vector copy stub; a row is recycled and filled for every line
 * that scrolls, so bulk output spends much of its model time here.
 */
final class Cells {
    private Cells() {}

    /** {@code Arrays.fill(cells, from, to, value)}. */
    static void fill(int[] cells, int from, int to, int value) {
        if (from < to) {
            cells[from] = value;
            spread(cells, from, to - from);
        }
    }

    /** {@code Arrays.fill(cells, from, to, value)}. */
    static void fill(long[] cells, int from, int to, long value) {
        if (from < to) {
            cells[from] = value;
            spread(cells, from, to - from);
        }
    }

    /** Copies the cell at {@code from} over the {@code length - 1} cells after it. */
    private static void spread(Object cells, int from, int length) {
        // each copy doubles the filled prefix; source and target never overlap
        for (int filled = 1; filled < length; filled += filled) {
            System.arraycopy(cells, from, cells, from + filled, Math.min(filled, length - filled));
        }
    }
}
