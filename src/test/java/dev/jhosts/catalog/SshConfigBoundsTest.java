package dev.jhosts.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.config.Locations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input stays bounded by construction: the work is counted (files read, sections made,
 * sections and patterns tried), not timed.
 */
class SshConfigBoundsTest {
    @TempDir
    Path dir;

    private Path home;

    @BeforeEach
    void home() throws IOException {
        home = dir.resolve("home");
        Files.createDirectories(home.resolve(".ssh"));
    }

    /** Reads {@code config} as {@code -F} does, and lists its hosts with {@code resolver}. */
    private Loaded load(Path config) {
        Locations locations = TestCatalogs.locations(home);
        Warnings warnings = new Warnings(locations.home());
        SshConfigReader reader = new SshConfigReader(new IncludePaths(home, dir.resolve("etc")), PortNumbers.system(),
                warnings, TestCatalogs.LOCAL_USER);
        ParsedSshConfig parsed = reader.read(List.of(new SshConfigReader.Source(config, true, true, false)));
        HostResolver resolver = new HostResolver(warnings, TestCatalogs.LOCAL_USER);
        List<Host> hosts = resolver.hosts(parsed);
        return new Loaded(parsed, hosts, warnings.list(), resolver.work());
    }

    private record Loaded(ParsedSshConfig parsed, List<Host> hosts, List<String> warnings, long work) {}

    @Test
    void filesThatEachIncludeTheGlobOfAllAreReadOnceEachWithOneWarning() throws IOException {
        // 7 files: each Include of the glob used to read every simple path (7! x e files).
        Path glob = dir.resolve("fan");
        Files.createDirectories(glob);
        int files = 7;
        for (int i = 1; i <= files; i++) {
            Files.writeString(glob.resolve("f" + i + ".conf"),
                    "Include " + glob + "/*.conf\nHost h" + i + "\n    User u" + i + "\n");
        }

        Loaded loaded = load(glob.resolve("f1.conf"));

        assertThat(loaded.warnings()).singleElement().asString()
                .contains("Include cycle").contains("Too many recursive configuration includes");
        assertThat(loaded.hosts()).extracting(Host::alias)
                .containsExactlyInAnyOrder("h1", "h2", "h3", "h4", "h5", "h6", "h7");
        assertThat(loaded.hosts()).allSatisfy(host -> assertThat(host.user()).isEqualTo("u" + host.alias().substring(1)));
        // Each file once: its first lines, its Host block, the rest of its block after the Include.
        assertThat(loaded.parsed().sections()).hasSizeLessThanOrEqualTo(3 * files + 1);
    }

    @Test
    void includesThatFanOutStopAtTheReadingBudgetWithOneWarning() throws IOException {
        // Each level's 2 files Include both files of the next level: 2 + 4 + ... + 512 readings
        // of 1 MiB files, 1022 MiB for ssh to read (it would); jhosts stops at its budget.
        String padding = ("#" + " ".repeat(1023) + "\n").repeat(1024);
        int levels = 9;
        for (int level = 1; level <= levels; level++) {
            Path levelDir = dir.resolve("level" + level);
            Files.createDirectories(levelDir);
            for (String side : List.of("a", "b")) {
                String include = level < levels ? "Include " + dir.resolve("level" + (level + 1)) + "/*.conf\n" : "";
                Files.writeString(levelDir.resolve(side + ".conf"), padding + include + "Host " + side + level + "\n");
            }
        }
        Path config = dir.resolve("config");
        Files.writeString(config, "Include " + dir.resolve("level1") + "/*.conf\nHost top\n");

        Loaded loaded = load(config);

        assertThat(loaded.warnings()).singleElement().asString()
                .contains("exceed " + (SshConfigReader.MAX_TOTAL_BYTES >> 20) + " MiB");
        // Depth first, as ssh reads: all of a1's Includes come before b1, which the budget does not reach.
        assertThat(loaded.hosts()).extracting(Host::alias).contains("a9", "b9", "a2", "a1", "top").doesNotContain("b1");
        assertThat(loaded.parsed().sections()).hasSizeLessThanOrEqualTo(
                (int) (3 * (SshConfigReader.MAX_TOTAL_BYTES >> 20)) + 2);
    }

    @Test
    void aFileIncludedFromTwoBlocksAppliesInBoth() throws IOException {
        Path common = home.resolve(".ssh/common.conf");
        Files.writeString(common, "Port 2200\nHost shared-*\n    User shared\n");
        Path config = dir.resolve("config");
        Files.writeString(config, "Host a shared-a\n    Include common.conf\nHost b shared-b\n    Include common.conf\n");

        Loaded loaded = load(config);

        assertThat(loaded.warnings()).isEmpty();
        assertThat(loaded.hosts()).extracting(Host::alias, Host::port, Host::user).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", 2200, TestCatalogs.LOCAL_USER),
                org.assertj.core.groups.Tuple.tuple("shared-a", 2200, "shared"),
                org.assertj.core.groups.Tuple.tuple("b", 2200, TestCatalogs.LOCAL_USER),
                org.assertj.core.groups.Tuple.tuple("shared-b", 2200, "shared"));
    }

    @Test
    void aHostLineOfManyNamesCostsTheSameForEachName() throws IOException {
        int names = 50_000;
        StringBuilder text = new StringBuilder("Host");
        for (int i = 0; i < names; i++) {
            text.append(" n").append(i);
        }
        text.append(" !n7 web-* *.example.com\n    User shared\nHost * !bastion !n8\n    Port 2022\n");
        Path config = dir.resolve("config");
        Files.writeString(config, text);

        Loaded loaded = load(config);

        assertThat(loaded.hosts()).hasSize(names - 1);
        assertThat(loaded.hosts()).allSatisfy(host -> assertThat(host.user()).isEqualTo("shared"));
        assertThat(loaded.hosts().stream().filter(host -> host.port() == 2022).count()).isEqualTo(names - 2);
        // Comparing each name with every pattern of the line was 50,000 x 50,000.
        assertThat(loaded.work()).isLessThan(30L * names);
    }

    @Test
    void blocksFoundByLiteralSuffixesAreNotTriedOnEveryHost() throws IOException {
        int zones = 3_000;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < zones; i++) {
            text.append("Host h").append(i).append(".zone").append(i).append(".example\n");
        }
        for (int i = 0; i < zones; i++) {
            text.append("Host *.zone").append(i).append(".example\n    Port ").append(1024 + i).append('\n');
        }
        Path config = dir.resolve("config");
        Files.writeString(config, text);

        Loaded loaded = load(config);

        assertThat(loaded.hosts()).hasSize(zones);
        assertThat(loaded.hosts()).allSatisfy(host ->
                assertThat(host.port()).isEqualTo(1024 + Integer.parseInt(host.alias().substring(1, host.alias().indexOf('.')))));
        // Every host against every zone block would be 9,000,000.
        assertThat(loaded.work()).isLessThan(30L * zones);
    }

    @Test
    void manyBlocksForEveryHostAreFoldedOnce() throws IOException {
        int hosts = 3_000;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < hosts; i++) {
            text.append("Host h").append(i).append('\n');
        }
        for (int i = 0; i < hosts; i++) {
            text.append("Host *\n    User u").append(i).append("\nMatch all\n    Port ").append(1024 + i).append('\n');
        }
        Path config = dir.resolve("config");
        Files.writeString(config, text);

        Loaded loaded = load(config);

        assertThat(loaded.hosts()).hasSize(hosts).allSatisfy(host -> {
            assertThat(host.user()).isEqualTo("u0");
            assertThat(host.port()).isEqualTo(1024);
        });
        assertThat(loaded.work()).isLessThan(30L * hosts);
    }

    @Test
    void aConfigNamedWithFThatIsADirectoryIsAWarning() throws IOException {
        Path directory = dir.resolve("a-directory");
        Files.createDirectories(directory);

        Catalog catalog = TestCatalogs.loader(home, List.of(), dir.resolve("no-system-config")).load(directory, true);

        assertThat(catalog.hosts()).isEmpty();
        assertThat(catalog.warnings()).singleElement().asString()
                .isEqualTo(directory + ": a directory, not an ssh config file: ssh reads it as empty, so it defines no host");
    }
}
