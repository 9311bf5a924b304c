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
        int length = to - from;
        if (length <= 0) {
            return;
        }
        cells[from] = value;
        // each copy doubles the filled prefix; source and target never overlap
        for (int filled = 1; filled < length; filled += filled) {
            System.arraycopy(cells, from, cells, from + filled, Math.min(filled, length - filled));
        }
    }

    /** {@code Arrays.fill(cells, from, to, value)}. */
    static void fill(long[] cells, int from, int to, long value) {
        int length = to - from;
        if (length <= 0) {
            return;
        }
        cells[from] = value;
        for (int filled = 1; filled < length; filled += filled) {
            System.arraycopy(cells, from, cells, from + filled, Math.min(filled, length - filled));
        }
    }
}
