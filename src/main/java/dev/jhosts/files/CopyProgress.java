package dev.jhosts.files;

import java.time.Duration;
import java.util.Optional;

/**
 * A copy's progress as a display needs it, made from its events: bytes done of the whole,
 * the rate, the time left for the whole and for the current file. Fed from the copies' threads
 * ({@link #event}), read by the display's ({@link #snapshot}); the rate is a moving average so
 * that the time left does not jump with each reply.
 */
public final class CopyProgress implements CopyListener {
    /** How much a new rate sample weighs against the average (per second of samples). */
    private static final double SMOOTHING = 0.3;

    private long plannedBytes;
    private int plannedFiles;
    private long doneBytes;
    private int doneFiles;
    private int failed;
    private String currentPath = "";
    private long currentSize;
    private long currentDone;
    private final long startedNanos;
    private long sampleNanos;
    private long sampleBytes;
    private double rate;

    public CopyProgress(long startedNanos) {
        this.startedNanos = startedNanos;
        this.sampleNanos = startedNanos;
    }

    /** What a display shows at one moment. */
    public record Snapshot(int files, int filesDone, int failed, long bytes, long bytesDone, double bytesPerSecond,
                           Duration elapsed, Optional<Duration> left, String currentPath, long currentSize,
                           long currentDone, Optional<Duration> currentLeft) {
        /** The whole's share done, 0 to 100. */
        public int percent() {
            return bytes <= 0 ? (files == filesDone ? 100 : 0) : (int) Math.min(100, bytesDone * 100 / bytes);
        }

        public int currentPercent() {
            return currentSize <= 0 ? 100 : (int) Math.min(100, currentDone * 100 / currentSize);
        }
    }

    @Override
    public synchronized void event(CopyEvent event) {
        if (event instanceof CopyEvent.Planned planned) {
            plannedBytes += planned.bytes();
            plannedFiles += planned.files();
        } else if (event instanceof CopyEvent.FileStarted started) {
            currentPath = started.path();
            currentSize = started.size();
            currentDone = started.resumedAt();
            // bytes already there count as done: the time left is for what is left
            doneBytes += started.resumedAt();
        } else if (event instanceof CopyEvent.Transferred transferred) {
            doneBytes += transferred.bytes();
            currentDone += transferred.bytes();
        } else if (event instanceof CopyEvent.FileFinished || event instanceof CopyEvent.Skipped) {
            doneFiles++;
        } else if (event instanceof CopyEvent.Failed) {
            failed++;
        }
    }

    /** The progress at {@code nowNanos} (System.nanoTime). */
    public synchronized Snapshot snapshot(long nowNanos) {
        long interval = nowNanos - sampleNanos;
        if (interval >= 200_000_000L) {
            double sample = (doneBytes - sampleBytes) * 1e9 / interval;
            double weight = Math.min(1, SMOOTHING * interval / 1e9 * 3);
            rate = rate == 0 ? sample : rate + (sample - rate) * weight;
            sampleNanos = nowNanos;
            sampleBytes = doneBytes;
        }
        Optional<Duration> left = rate > 0 ? Optional.of(seconds((plannedBytes - doneBytes) / rate)) : Optional.empty();
        Optional<Duration> currentLeft = rate > 0 ? Optional.of(seconds((currentSize - currentDone) / rate))
                : Optional.empty();
        return new Snapshot(plannedFiles, doneFiles, failed, plannedBytes, doneBytes, rate,
                Duration.ofNanos(nowNanos - startedNanos), left, currentPath, currentSize, currentDone, currentLeft);
    }

    private static Duration seconds(double value) {
        return Duration.ofMillis((long) Math.max(0, value * 1000));
    }
}
