package dev.jhosts.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.Processes;
import dev.jhosts.testing.Requirements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads every corpus config (see {@code src/test/resources/catalog/README.md}): the aliases
 * listed, the warnings given and the hosts marked "values may differ" are those expected, and
 * each host's hostname, user, port and proxyjump are what {@code ssh -G} prints for it on this
 * machine (for a config that needs another OpenSSH version than this one, that comparison is
 * skipped with a line saying so).
 */
class SshConfigCorpusTest {
    private static final String REFUSED_MARK = "# corpus: ssh refuses";
    private static final Pattern VERSION_MARK = Pattern.compile("# corpus: needs OpenSSH (>=|<) (\\d+)\\.(\\d+)");
    private static final Pattern SSH_VERSION = Pattern.compile("OpenSSH_(\\d+)\\.(\\d+)");

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        TestCatalogs.copyCorpus(dir);
        List<Path> configs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".conf")).sorted().forEach(configs::add);
        }
        assertThat(configs).isNotEmpty();
        return configs.stream().map(config -> DynamicTest.dynamicTest(config.getFileName().toString(), () -> check(config)));
    }

    private void check(Path config) throws IOException {
        Path home = dir.resolve("home");
        Catalog catalog = TestCatalogs.loadExplicit(home, config);
        String name = config.getFileName().toString().replaceFirst("\\.conf$", "");

        List<String> expected = lines(dir.resolve(name + ".expected"));
        assertThat(catalog.hosts()).extracting(Host::alias).as("aliases of %s, warnings %s", name, catalog.warnings())
                .containsExactlyElementsOf(expected);

        Path warningsFile = dir.resolve(name + ".warnings");
        if (Files.exists(warningsFile)) {
            for (String warning : lines(warningsFile)) {
                assertThat(catalog.warnings()).as("warnings of %s", name).anyMatch(w -> w.contains(warning));
            }
        } else {
            assertThat(catalog.warnings()).as("warnings of %s", name).isEmpty();
        }

        List<String> uncertain = Files.exists(dir.resolve(name + ".uncertain"))
                ? lines(dir.resolve(name + ".uncertain")) : List.of();
        assertThat(catalog.hosts()).filteredOn(Host::valuesMayDiffer).extracting(Host::alias)
                .as("hosts of %s marked \"values may differ\": %s", name, catalog.hosts())
                .containsExactlyElementsOf(uncertain);

        String text = Files.readString(config, StandardCharsets.ISO_8859_1);
        if (text.startsWith(REFUSED_MARK)) {
            return;
        }
        String ssh = Requirements.requireCommand("ssh", "openssh-client").toString();
        Matcher needs = VERSION_MARK.matcher(text);
        if (needs.find()) {
            int[] installed = sshVersion(ssh);
            int wanted = Integer.parseInt(needs.group(2)) * 100 + Integer.parseInt(needs.group(3));
            int have = installed[0] * 100 + installed[1];
            boolean fits = needs.group(1).equals(">=") ? have >= wanted : have < wanted;
            if (!fits) {
                System.out.printf("%s: not compared with ssh -G: it needs OpenSSH %s %s.%s, this is %d.%d%n", name,
                        needs.group(1), needs.group(2), needs.group(3), installed[0], installed[1]);
                return;
            }
        }
        for (Host host : catalog.hosts()) {
            Processes.Result result = Processes.run(List.of(ssh, "-G", "-F", config.toString(), "--", host.alias()),
                    Map.of("HOME", home.toString()), Duration.ofSeconds(30));
            assertThat(result.exitCode()).as("ssh -G %s: %s", host.alias(), result.describe()).isZero();
            EffectiveOptions options = SshOptionsResolver.parse(host.alias(), result.stdout());
            assertThat(List.of(host.hostname(), host.user(), String.valueOf(host.port()), host.proxyJump()))
                    .as("%s in %s (hostname, user, port, proxyjump)", host.alias(), name)
                    .containsExactly(options.hostname(), options.user(), String.valueOf(options.port()), options.proxyJump());
        }
    }

    private static int[] sshVersion(String ssh) {
        Processes.Result result = Processes.run(List.of(ssh, "-V"), Map.of(), Duration.ofSeconds(30));
        Matcher version = SSH_VERSION.matcher(result.stderr() + result.stdout());
        assertThat(version.find()).as("ssh -V: %s", result.describe()).isTrue();
        return new int[] {Integer.parseInt(version.group(1)), Integer.parseInt(version.group(2))};
    }

    private static List<String> lines(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        return lines;
    }
}
