package dev.jhosts.session.screen;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Grapheme clusters of a session: a base character and the combining marks (width 0) written
 * after it, kept once each and named by a small id that a cell stores. Bounded by {@link
 * #LIMIT} distinct clusters per session; past that, marks are dropped (the base stays), which
 * only costs the accents of an unusual screen, never memory.
 */
final class Clusters {
    static final int LIMIT = 4096;
    /** At most this many marks on one base (xterm keeps a few; the rest is noise). */
    static final int MARKS_LIMIT = 8;

    private final Map<Key, Integer> ids = new HashMap<>();
    private int[][] byId = new int[16][];
    private int size;

    private record Key(int[] codePoints) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Arrays.equals(codePoints, key.codePoints);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(codePoints);
        }
    }

    /** The cell value for {@code cell} (a code point or a cluster) with {@code mark} added. */
    int combine(int cell, int mark) {
        int[] base = codePoints(cell);
        if (base.length > MARKS_LIMIT) {
            return cell;
        }
        int[] joined = Arrays.copyOf(base, base.length + 1);
        joined[base.length] = mark;
        Integer id = ids.get(new Key(joined));
        if (id == null) {
            if (size == LIMIT) {
                return cell;
            }
            id = size++;
            if (id == byId.length) {
                byId = Arrays.copyOf(byId, byId.length * 2);
            }
            byId[id] = joined;
            ids.put(new Key(joined), id);
        }
        return Row.clusterValue(id);
    }

    /** The code points a cell value stands for (empty for a wide character's right half). */
    int[] codePoints(int cell) {
        if (Row.isCluster(cell)) {
            return byId[Row.clusterId(cell)];
        }
        return cell == Row.WIDE_TAIL ? new int[0] : new int[] {cell};
    }

    /** The base character of a cell value. */
    int base(int cell) {
        return Row.isCluster(cell) ? byId[Row.clusterId(cell)][0] : cell;
    }

    long bytesHeld() {
        long total = 64;
        for (int i = 0; i < size; i++) {
            total += 48 + byId[i].length * 4L + 32;
        }
        return total;
    }
}
