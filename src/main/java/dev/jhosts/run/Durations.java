package dev.jhosts.run;

import java.time.Duration;
import java.util.Locale;

/** Durations as people type them for {@code --timeout} ({@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h}; a bare number is seconds, as for timeout(1)). */
public final class Durations {
    private Durations() {}

    /** @throws IllegalArgumentException naming what is wrong */
    public static Duration parse(String text) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        int split = 0;
        while (split < trimmed.length() && (Character.isDigit(trimmed.charAt(split)) || trimmed.charAt(split) == '.')) {
            split++;
        }
        String number = trimmed.substring(0, split);
        String unit = trimmed.substring(split).strip();
        if (number.isEmpty() || number.chars().filter(c -> c == '.').count() > 1 || number.length() > 12) {
            throw invalid(text);
        }
        double value = Double.parseDouble(number);
        double millis = switch (unit) {
            case "ms" -> value;
            case "", "s" -> value * 1000;
            case "m", "min" -> value * 60_000;
            case "h" -> value * 3_600_000;
            default -> throw invalid(text);
        };
        return Duration.ofMillis(Math.round(millis));
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("bad duration '" + text + "': expected a number with ms, s, m or h (such as 30s)");
    }

    /** A duration as this reads it back: 1.5s, 250ms, 2m, 1h30m. */
    public static String describe(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        if (millis < 60_000) {
            return millis % 1000 == 0 ? millis / 1000 + "s" : String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        long minutes = millis / 60_000;
        long seconds = millis % 60_000 / 1000;
        if (minutes < 60) {
            return seconds == 0 ? minutes + "m" : minutes + "m" + seconds + "s";
        }
        return minutes / 60 + "h" + (minutes % 60 == 0 ? "" : minutes % 60 + "m");
    }
}
