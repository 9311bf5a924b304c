package dev.jhosts.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.config.Locations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The blocks a host tries come from {@link SectionIndex}; without the index every block is tried
 * on every host. Both must give every host the same values, on generated configs that mix the
 * pattern forms ssh_config allows: literal names, {@code *} and {@code ?} as prefix, suffix and
 * infix wildcards, negations, several patterns on a line, Match lines with pattern lists.
 */
class IndexedLookupTest {
    @TempDir
    Path dir;

    private static final String[] WORDS = {"web", "db", "a", "ab", "x", "cache", "Web", "e", "-", "."};

    private record Resolved(List<Host> hosts, List<String> warnings, long work) {}

    private Resolved resolve(Path config, boolean indexed) {
        Path home = dir.resolve("home");
        Locations locations = TestCatalogs.locations(home);
        Warnings warnings = new Warnings(locations.home());
        SshConfigReader reader = new SshConfigReader(new IncludePaths(home, dir.resolve("etc")), PortNumbers.system(),
                warnings, TestCatalogs.LOCAL_USER);
        ParsedSshConfig parsed = reader.read(List.of(new SshConfigReader.Source(config, true, true, false)));
        HostResolver resolver = new HostResolver(warnings, TestCatalogs.LOCAL_USER, indexed);
        List<Host> hosts = resolver.hosts(parsed);
        return new Resolved(hosts, warnings.list(), resolver.work());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void theIndexedLookupAgreesWithTryingEveryBlock(long seed) throws IOException {
        Files.createDirectories(dir.resolve("home/.ssh"));
        Path config = Files.writeString(dir.resolve("config-" + seed), generated(new Random(seed), 300, 400));

        Resolved indexed = resolve(config, true);
        Resolved reference = resolve(config, false);

        assertThat(indexed.hosts()).as("hosts of seed " + seed).isNotEmpty().isEqualTo(reference.hosts());
        assertThat(indexed.warnings()).isEqualTo(reference.warnings());
        // the config's own values reach the hosts: the comparison is not between two empty answers
        assertThat(indexed.hosts().stream().map(host -> host.hostname() + " " + host.user() + " " + host.port() + " "
                + host.proxyJump() + " " + host.tags()).distinct().count()).isGreaterThan(5);
    }

    @Test
    void theIndexTriesFarFewerBlocksThanEveryBlockOnEveryHost() throws IOException {
        Files.createDirectories(dir.resolve("home/.ssh"));
        StringBuilder text = new StringBuilder();
        int n = 2000;
        for (int i = 0; i < n; i++) {
            text.append("Host h").append(i).append("\n    HostName 10.0.").append(i / 250).append('.').append(i % 250).append('\n');
        }
        for (int i = 0; i < n; i++) {
            text.append(switch (i % 3) {
                case 0 -> "Host *x" + i + "y*\n    User u" + i + "\n";
                case 1 -> "Host * !h" + i + "\n    Port " + (1 + i) + "\n";
                default -> "Host *-" + i + "-*\n    ProxyJump j" + i + "\n";
            });
        }
        Path config = Files.writeString(dir.resolve("many-patterns"), text);

        Resolved indexed = resolve(config, true);

        assertThat(indexed.hosts()).hasSize(n);
        // "Host * !h1" (Port 2) is the first block for every host but h1, which gets "Host * !h4" (Port 5)
        assertThat(indexed.hosts().get(0).port()).isEqualTo(2);
        assertThat(indexed.hosts().get(1).port()).isEqualTo(5);
        assertThat(indexed.hosts().get(7).user()).isEqualTo(TestCatalogs.LOCAL_USER);
        // every block on every host would be 2 * n * n; the index keeps it to a few per host
        assertThat(indexed.work()).as("sections tried and patterns compared").isLessThan(40L * n);
    }

    /** {@code hosts} Host blocks and {@code blocks} pattern blocks, of the forms above, in random order. */
    private static String generated(Random random, int hosts, int blocks) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < hosts; i++) {
            names.add(word(random) + (random.nextBoolean() ? word(random) : "") + i % 37 + word(random));
        }
        List<String> parts = new ArrayList<>();
        for (String name : names) {
            parts.add("Host " + name + "\n" + values(random));
        }
        for (int i = 0; i < blocks; i++) {
            parts.add(patternLine(random, names) + "\n" + values(random));
        }
        java.util.Collections.shuffle(parts, random);
        return String.join("", parts) + "Host *\n    User last\n";
    }

    private static String patternLine(Random random, List<String> names) {
        String name = names.get(random.nextInt(names.size()));
        switch (random.nextInt(11)) {
            case 9:
                // a HostName obtained earlier is what this line sees
                return "Match host n" + random.nextInt(50) + (random.nextBoolean() ? "*" : "") + ",*" + word(random)
                        + ".exam*";
            case 10:
                return "Match originalhost " + pattern(random, name) + ",!" + name + " host *" + word(random) + "*";
            case 0:
                return "Host " + pattern(random, name) + " " + pattern(random, names.get(random.nextInt(names.size())));
            case 1:
                return "Host * !" + pattern(random, name);
            case 2:
                return "Host " + pattern(random, name) + " !" + name;
            case 3:
                return "Match host " + pattern(random, name).toLowerCase() + ",!" + pattern(random, name);
            case 4:
                return "Match originalhost " + pattern(random, name) + " user " + (random.nextBoolean() ? "u*" : "*");
            case 5:
                return "Host !" + name + " *";
            case 6:
                return "Host " + name + " " + pattern(random, name);
            default:
                return "Host " + pattern(random, name);
        }
    }

    /** A pattern made from a piece of {@code name}: prefix, suffix or infix wildcards, {@code ?}, or the name. */
    private static String pattern(Random random, String name) {
        int from = random.nextInt(name.length());
        int to = from + 1 + random.nextInt(name.length() - from);
        String piece = name.substring(from, to);
        switch (random.nextInt(8)) {
            case 0:
                return piece + "*";
            case 1:
                return "*" + piece;
            case 2:
                return "*" + piece + "*";
            case 3:
                return piece.length() > 1 ? piece.charAt(0) + "?" + piece.substring(2) + "*" : "?" + piece;
            case 4:
                return "*" + piece + "*" + word(random) + "*";
            case 5:
                return "?*" + piece;
            case 6:
                return "??*";
            default:
                return name;
        }
    }

    private static String values(Random random) {
        StringBuilder values = new StringBuilder();
        if (random.nextInt(3) == 0) {
            values.append("    HostName ").append(random.nextBoolean() ? "%h.example" : "n" + random.nextInt(50)).append('\n');
        }
        if (random.nextInt(2) == 0) {
            values.append("    User u").append(random.nextInt(20)).append('\n');
        }
        if (random.nextInt(2) == 0) {
            values.append("    Port ").append(1 + random.nextInt(60)).append('\n');
        }
        if (random.nextInt(6) == 0) {
            values.append("    ProxyJump j").append(random.nextInt(9)).append('\n');
        }
        if (random.nextInt(8) == 0) {
            values.append("    Tag t").append(random.nextInt(5)).append('\n');
        }
        return values.toString();
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }
}
