package dev.jhosts.session.screen;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines scrolled off the top of the primary screen and not yet taken, oldest first: a ring of
 * at most {@link #LIMIT} rows. A row that scrolls off is moved in whole (no copy), and the row
 * it evicts once the ring is full is handed back for reuse as the new bottom line, so a steady
 * stream of output allocates nothing.
 */
final class Scrollback {
    /**
     * Lines kept for the caller to print into the user's terminal history before a repaint:
     * 1000, about a screenful a minute of a busy log for a quarter of an hour; at 80 columns
     * about 1 MB (12 bytes a cell), at 200 columns about 2.4 MB.
     */
    static final int LIMIT = 1000;

    private final Row[] ring = new Row[LIMIT];
    private int first;
    private int size;

    /** Keeps {@code row}; returns a row the caller may reuse, or {@code null} when none is free. */
    Row push(Row row) {
        Row evicted = null;
        if (size == LIMIT) {
            evicted = ring[first];
            ring[first] = row;
            first = (first + 1) % LIMIT;
        } else {
            ring[(first + size) % LIMIT] = row;
            size++;
        }
        return evicted;
    }

    int size() {
        return size;
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            ring[(first + i) % LIMIT] = null;
        }
        first = 0;
        size = 0;
    }

    /** The kept lines, oldest first, each encoded by {@code encoder}; then forgets them. */
    List<byte[]> take(RowEncoder encoder) {
        List<byte[]> lines = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            lines.add(encoder.line(ring[(first + i) % LIMIT]));
        }
        clear();
        return lines;
    }

    long bytesHeld() {
        long total = 16 + 16 + LIMIT * 4L;
        for (int i = 0; i < size; i++) {
            total += ring[(first + i) % LIMIT].bytesHeld();
        }
        return total;
    }

    /** Turns a row into the bytes that print it. */
    interface RowEncoder {
        byte[] line(Row row);
    }
}
