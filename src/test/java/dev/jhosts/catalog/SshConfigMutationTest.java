package dev.jhosts.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corpus configs mutated line by line with fixed seeds (deleted, repeated, cut short, junk
 * bytes with NUL and invalid UTF-8, very long lines, stray keywords): reading never throws,
 * and every warning stays one line.
 */
class SshConfigMutationTest {
    private static final int SEEDS = 12;
    private static final int MUTATIONS_PER_FILE = 6;
    private static final String[] KEYWORDS = {
        "Host", "host", "HOST=", "Match", "Match all", "Include", "HostName", "User", "Port", "ProxyJump",
        "ProxyCommand", "Tag", "# jhosts:", "#", "=", "\"", "'", "!", "*", "\\",
    };

    private static final String SPECIAL = " \t=\"'#\\\0\f\r!*?";

    @TempDir
    Path dir;

    @Test
    void mutatedConfigsNeverBreakTheReader() throws IOException {
        TestCatalogs.copyCorpus(dir);
        List<Path> configs;
        try (Stream<Path> files = Files.walk(dir)) {
            configs = files.filter(f -> f.toString().endsWith(".conf") && Files.isRegularFile(f)).sorted().toList();
        }
        Path home = dir.resolve("home");
        int loads = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            Random random = new Random(seed);
            for (Path config : configs) {
                byte[] original = Files.readAllBytes(config);
                Files.write(config, mutate(original, random));
                Catalog catalog = TestCatalogs.loadExplicit(home, configs.get(random.nextInt(configs.size())));
                Files.write(config, original);
                assertThat(catalog.warnings()).allSatisfy(w -> assertThat(w).doesNotContain("\n"));
                assertThat(catalog.hosts()).allSatisfy(h -> assertThat(h.alias()).isNotEmpty());
                loads++;
            }
        }
        assertThat(loads).isEqualTo(SEEDS * configs.size());
    }

    @Test
    void randomBytesNeverBreakTheLineParser() {
        ConfigLineParser parser = new ConfigLineParser("jhosts:");
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] line = new byte[random.nextInt(40)];
            for (int j = 0; j < line.length; j++) {
                line[j] = random.nextInt(3) == 0
                        ? (byte) SPECIAL.charAt(random.nextInt(SPECIAL.length()))
                        : (byte) random.nextInt(256);
            }
            assertThat(parser.parse(line, 0, line.length)).isNotNull();
        }
    }

    private static byte[] mutate(byte[] original, Random random) {
        List<byte[]> lines = new ArrayList<>(split(original));
        for (int i = 0; i < MUTATIONS_PER_FILE; i++) {
            int at = lines.isEmpty() ? 0 : random.nextInt(lines.size());
            switch (random.nextInt(7)) {
                case 0 -> {
                    if (!lines.isEmpty()) {
                        lines.remove(at);
                    }
                }
                case 1 -> {
                    if (!lines.isEmpty()) {
                        lines.add(at, lines.get(at));
                    }
                }
                case 2 -> {
                    if (!lines.isEmpty() && lines.get(at).length > 0) {
                        byte[] line = lines.get(at);
                        lines.set(at, java.util.Arrays.copyOf(line, random.nextInt(line.length)));
                    }
                }
                case 3 -> lines.add(at, junk(random, 1 + random.nextInt(60)));
                case 4 -> lines.add(at, longLine(random));
                case 5 -> lines.add(at, (KEYWORDS[random.nextInt(KEYWORDS.length)] + " "
                        + KEYWORDS[random.nextInt(KEYWORDS.length)] + "x").getBytes(StandardCharsets.UTF_8));
                default -> {
                    if (!lines.isEmpty()) {
                        byte[] line = lines.get(at).clone();
                        if (line.length > 0) {
                            line[random.nextInt(line.length)] = (byte) random.nextInt(256);
                        }
                        lines.set(at, line);
                    }
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(original.length + 1024);
        for (byte[] line : lines) {
            out.writeBytes(line);
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static List<byte[]> split(byte[] bytes) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                if (i > start || i < bytes.length) {
                    lines.add(java.util.Arrays.copyOfRange(bytes, start, i));
                }
                start = i + 1;
            }
        }
        return lines;
    }

    /** Random bytes, with NUL, lone UTF-8 continuation bytes and cut multi-byte sequences likely. */
    private static byte[] junk(Random random, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = switch (random.nextInt(5)) {
                case 0 -> 0;
                case 1 -> (byte) (0x80 + random.nextInt(0x40));
                case 2 -> (byte) 0xE2;
                case 3 -> (byte) 0xFF;
                default -> (byte) (0x20 + random.nextInt(0x5F));
            };
        }
        return bytes;
    }

    private static byte[] longLine(Random random) {
        String keyword = KEYWORDS[random.nextInt(KEYWORDS.length)];
        StringBuilder line = new StringBuilder(keyword).append(' ');
        int length = 50_000 + random.nextInt(150_000);
        while (line.length() < length) {
            line.append(random.nextBoolean() ? "host-" : "\"q ").append(random.nextInt(1000)).append(' ');
        }
        return line.toString().getBytes(StandardCharsets.UTF_8);
    }
}
