package dev.jhosts.tui;

import dev.jhosts.tui.view.Appearance;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A sample first frame drawn into nowhere ({@link Rehearsal#firstFrame}), on a thread of its own,
 * while a server reads its settings and its catalogue: what a picker's first frame runs for the
 * first time (Lanterna's screen, the renderer; classes initialised, call sites linked) is then
 * done beside that reading instead of after it, and the real first frame runs warm. Measured on
 * a cold start, that first time was about three quarters of the drawing.
 *
 * <p>A real frame waits for the sample to end ({@link #awaitEnd}) rather than running beside it:
 * both would do the same first-time work, and initialise the same classes from two threads.
 */
final class FirstFrameWarmUp implements Runnable {
    /** Far beyond a sample frame's time; a warm-up that takes longer is not waited for. */
    private static final long AWAIT_MILLIS = 2000;
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final CountDownLatch ENDED = new CountDownLatch(1);

    private final Appearance look;

    private FirstFrameWarmUp(Appearance look) {
        this.look = look;
    }

    /** Starts it, once a process, for a terminal of {@code environment}'s look. */
    static void start(Map<String, String> environment) {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(new FirstFrameWarmUp(Appearance.fromEnvironment(environment)),
                "jhosts-warm-up-frame");
        thread.setDaemon(true);
        thread.start();
    }

    /** Returns once the sample is drawn, at once if none was started. */
    static void awaitEnd() {
        if (!STARTED.get()) {
            return;
        }
        try {
            ENDED.await(AWAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        try {
            Rehearsal.firstFrame(look, OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException | LinkageError e) {
            // the real first frame meets the same problem and reports it
        } finally {
            ENDED.countDown();
        }
    }
}
