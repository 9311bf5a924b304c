package dev.jhosts.bench;

import dev.jhosts.session.screen.ScreenModel;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * The session's screen model at the speed of a bulk transfer: feeds 256 MiB of mixed output —
 * plain text lines, {@code ls --color}-like lines with SGR, and vim-like full-screen redraws with
 * cursor moves, scroll regions and erases — in 64 KiB chunks (what the output pump reads) to an
 * 80×24 model, and prints MB/s against a baseline measured in the same run: the same chunks
 * written to {@code /dev/null}. Also prints the footprint of 80×24 and 200×60 models with a full
 * scrollback. Arguments: {@code [MiB] [runs]} (defaults 256 and 5). Prints figures; never fails.
 */
public final class ScreenModelBench {
    private static final int CHUNK = 1 << 16;

    private ScreenModelBench() {}

    public static void main(String[] args) throws IOException {
        int mebibytes = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        byte[] sample = mixedOutput(8 << 20);
        long total = (long) mebibytes << 20;
        System.out.printf("feeding %d MiB of mixed output (%d MiB sample repeated) in %d KiB chunks, %d runs%n",
                mebibytes, sample.length >> 20, CHUNK >> 10, runs);
        for (String part : new String[] {"plain", "coloured", "full-screen"}) {
            byte[] only = part.equals("plain") ? plainLines(8 << 20)
                    : part.equals("coloured") ? colouredLines(8 << 20) : fullScreen(8 << 20);
            System.out.printf("  %-12s model %8.0f MB/s%n", part, megabytesPerSecond(only, total / 4, runs, true));
        }
        double copy = megabytesPerSecond(sample, total, runs, false);
        double model = megabytesPerSecond(sample, total, runs, true);
        System.out.printf("copy to /dev/null (baseline) %8.0f MB/s%n", copy);
        System.out.printf("screen model, mixed          %8.0f MB/s  (%.2f× the baseline's time)%n", model, copy / model);
        footprint(80, 24);
        footprint(200, 60);
    }

    private static double megabytesPerSecond(byte[] sample, long total, int runs, boolean model) throws IOException {
        double[] rates = new double[runs + 1];
        try (OutputStream devNull = new FileOutputStream("/dev/null")) {
            for (int run = 0; run <= runs; run++) { // run 0 warms up
                ScreenModel screen = new ScreenModel(80, 24);
                long start = System.nanoTime();
                long fed = 0;
                int offset = 0;
                while (fed < total) {
                    int length = Math.min(CHUNK, sample.length - offset);
                    if (model) {
                        screen.feed(sample, offset, length);
                    } else {
                        devNull.write(sample, offset, length);
                    }
                    fed += length;
                    offset = (offset + length) % sample.length;
                }
                rates[run] = fed / 1e6 / ((System.nanoTime() - start) / 1e9);
                if (model && screen.takeScrolledOff().size() > ScreenModel.SCROLLBACK_LIMIT) {
                    throw new AssertionError("unreachable: keeps the model alive");
                }
            }
        }
        double[] measured = Arrays.copyOfRange(rates, 1, rates.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }

    private static void footprint(int columns, int rows) {
        ScreenModel screen = new ScreenModel(columns, rows);
        long empty = screen.footprint();
        byte[] lines = colouredLines(4 << 20);
        screen.feed(lines, 0, lines.length);
        System.out.printf("footprint %dx%d: %,d bytes empty, %,d bytes with a full scrollback (%d lines)%n",
                columns, rows, empty, screen.footprint(), ScreenModel.SCROLLBACK_LIMIT);
    }

    private static byte[] mixedOutput(int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 4096);
        byte[] plain = plainLines(size / 3);
        byte[] coloured = colouredLines(size / 3);
        byte[] screens = fullScreen(size / 3);
        for (int i = 0; i < 64; i++) { // interleave in slices, as a real session mixes them
            int slice = plain.length / 64;
            out.write(plain, i * slice, slice);
            slice = coloured.length / 64;
            out.write(coloured, i * slice, slice);
            slice = screens.length / 64;
            out.write(screens, i * slice, slice);
        }
        return out.toByteArray();
    }

    /** Lines of words, as cat of a log or a source file gives (ONLCR applied: CR LF). */
    private static byte[] plainLines(int size) {
        Random random = new Random(1);
        StringBuilder text = new StringBuilder(size + 200);
        String[] words = {"the", "session", "INFO", "connection", "from", "127.0.0.1", "port", "accepted",
                "key", "for", "user", "=", "{", "}", "return", "value;", "if", "(x", "<", "10)"};
        while (text.length() < size) {
            int length = 10 + random.nextInt(90);
            int start = text.length();
            while (text.length() - start < length) {
                text.append(words[random.nextInt(words.length)]).append(' ');
            }
            text.append("\r\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code ls -l --color}-like lines: SGR around names, some 256-colour and bold. */
    private static byte[] colouredLines(int size) {
        Random random = new Random(2);
        StringBuilder text = new StringBuilder(size + 200);
        String[] colours = {"\033[01;34m", "\033[01;32m", "\033[01;36m", "\033[38;5;208m", "\033[00m"};
        while (text.length() < size) {
            text.append("-rwxr-xr-x 1 user group ").append(String.format("%8d", random.nextInt(10_000_000)))
                    .append(" Jan 14  2024 ").append(colours[random.nextInt(colours.length)])
                    .append("file-").append(random.nextInt(100_000)).append(".txt\033[0m\r\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** vim-like redraws of an 80×24 screen: region scrolls, cursor moves, erases, a status line. */
    private static byte[] fullScreen(int size) {
        Random random = new Random(3);
        StringBuilder text = new StringBuilder(size + 4096);
        text.append("\033[?1049h\033[?1h\033=\033[?2004h");
        while (text.length() < size) {
            text.append("\033[?25l\033[1;23r\033[23;1H\n\033[r");
            for (int row = 1; row <= 23; row++) {
                text.append("\033[").append(row).append(";1H\033[33m").append(String.format("%4d ", row))
                        .append("\033[m");
                int length = random.nextInt(70);
                for (int i = 0; i < length; i++) {
                    text.append((char) ('a' + random.nextInt(26)));
                }
                text.append("\033[K");
            }
            text.append("\033[24;1H\033[7m\"file.txt\" 40L, 591B\033[27m\033[K\033[24;63H12,5")
                    .append("\033[").append(1 + random.nextInt(23)).append(';').append(1 + random.nextInt(70))
                    .append("H\033[?25h");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
