package dev.jhosts.session;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Collects everything a stream gives, in a thread of its own, for tests to wait on. */
final class Capture implements Runnable {
    private final InputStream from;
    private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

    private Capture(InputStream from) {
        this.from = from;
    }

    static Capture of(InputStream from) {
        Capture capture = new Capture(from);
        Thread thread = new Thread(capture, "capture");
        thread.setDaemon(true);
        thread.start();
        return capture;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[1 << 16];
        try {
            for (int n; (n = from.read(buffer)) >= 0; ) {
                synchronized (this) {
                    seen.write(buffer, 0, n);
                    notifyAll();
                }
            }
        } catch (IOException closed) {
            // the PTY went away
        }
    }

    synchronized String text() {
        return seen.toString(StandardCharsets.UTF_8);
    }

    synchronized int size() {
        return seen.size();
    }

    /** Waits until {@code needle} has appeared after position {@code from}; false after {@code limit}. */
    synchronized boolean await(String needle, int from, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (text().indexOf(needle, from) < 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
