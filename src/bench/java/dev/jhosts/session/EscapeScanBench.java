package dev.jhosts.session;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What reading the escapes costs the keyboard copy of the bridge, against the same bytes passed
 * on without looking at them: per keystroke (one byte per read, as typing gives them) and for a
 * paste (4 KiB reads, the pump's buffer). Not a test; {@code src/bench/run
 * dev.jhosts.session.EscapeScanBench}.
 */
public final class EscapeScanBench {
    private static final int KEYSTROKES = 20_000_000;
    private static final int PASTES = 200_000;
    private static final int ROUNDS = 7;

    /** Counts what it is given, so that the work cannot be left out. */
    private static final class CountingSink implements EscapeScanner.Sink {
        long bytes;
        long commands;

        @Override
        public void send(byte[] data, int offset, int length) {
            bytes += length + data[offset];
        }

        @Override
        public void command(EscapeScanner.Command command) {
            commands++;
        }
    }

    public static void main(String[] args) throws Exception {
        byte[] typing = "ls -l ~/src\r".getBytes(StandardCharsets.US_ASCII);
        byte[] paste = new byte[4096];
        for (int i = 0; i < paste.length; i++) {
            paste[i] = (byte) (i % 64 == 63 ? '\n' : 'a' + i % 26);
        }
        double[] plainKey = new double[ROUNDS];
        double[] scannedKey = new double[ROUNDS];
        double[] plainPaste = new double[ROUNDS];
        double[] scannedPaste = new double[ROUNDS];
        for (int round = -2; round < ROUNDS; round++) {
            double a = keystrokes(new EscapeScanner(-1), typing);
            double b = keystrokes(new EscapeScanner('~'), typing);
            double c = pastes(new EscapeScanner(-1), paste);
            double d = pastes(new EscapeScanner('~'), paste);
            if (round >= 0) {
                plainKey[round] = a;
                scannedKey[round] = b;
                plainPaste[round] = c;
                scannedPaste[round] = d;
            }
        }
        System.out.printf("per keystroke: escapes read %.1f ns, passed unread (escape-char none) %.1f ns, added %.1f ns%n",
                median(scannedKey), median(plainKey), median(scannedKey) - median(plainKey));
        System.out.printf("paste, 4 KiB reads: escapes read %.0f MiB/s, unread %.0f MiB/s, ratio %.2f×%n",
                mibPerSecond(median(scannedPaste)), mibPerSecond(median(plainPaste)),
                median(scannedPaste) / median(plainPaste));
        System.out.println("(medians of " + ROUNDS + " rounds after two warm-ups; a keystroke through the bridge"
                + " otherwise costs a PTY write, a master and sshd: tens of microseconds at least)");
    }

    /** Nanoseconds per one-byte scan. */
    private static double keystrokes(EscapeScanner scanner, byte[] typing) throws Exception {
        CountingSink sink = new CountingSink();
        byte[] one = new byte[1];
        long start = System.nanoTime();
        for (int i = 0; i < KEYSTROKES; i++) {
            one[0] = typing[i % typing.length];
            scanner.scan(one, 0, 1, sink);
        }
        long elapsed = System.nanoTime() - start;
        if (sink.bytes == 42) {
            System.out.print("");
        }
        return (double) elapsed / KEYSTROKES;
    }

    /** Nanoseconds per 4 KiB scan. */
    private static double pastes(EscapeScanner scanner, byte[] paste) throws Exception {
        CountingSink sink = new CountingSink();
        long start = System.nanoTime();
        for (int i = 0; i < PASTES; i++) {
            scanner.scan(paste, 0, paste.length, sink);
        }
        long elapsed = System.nanoTime() - start;
        if (sink.bytes == 42) {
            System.out.print("");
        }
        return (double) elapsed / PASTES;
    }

    private static double mibPerSecond(double nanosPer4KiB) {
        return 4096 / nanosPer4KiB * 1e9 / (1 << 20);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
