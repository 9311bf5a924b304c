package dev.jhosts.catalog;

import dev.jhosts.config.HostEntry;
import dev.jhosts.config.Locations;
import dev.jhosts.config.ProbeSettings;
import dev.jhosts.config.PromptSettings;
import dev.jhosts.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Shared set-up for catalogue tests: settings, locations and the templated corpus. */
final class TestCatalogs {
    static final String LOCAL_USER = System.getProperty("user.name");

    private TestCatalogs() {}

    static Settings settings(List<HostEntry> hosts) {
        return new Settings("ssh", Path.of("/nonexistent"), Duration.ofMinutes(10), Duration.ofSeconds(10),
                Duration.ofSeconds(30), 3, 4, Duration.ofMillis(1500), Duration.ofSeconds(2), '~', Duration.ofMillis(100),
                Duration.ofMillis(300), List.of(), Settings.OnSessionEnd.LIST, hosts,
                new ProbeSettings(true, 4, Duration.ofMinutes(1), Duration.ofSeconds(5)), PromptSettings.none(), java.util.Map.of(),
                new dev.jhosts.config.RunSettings(16, Duration.ZERO, true),
                dev.jhosts.config.SessionSettings.defaults(),
                dev.jhosts.tui.state.Keymap.defaults());
    }

    static Locations locations(Path home) {
        return Locations.of(Map.of("HOME", home.toString(), "XDG_STATE_HOME", home.resolve("state").toString()), home);
    }

    /** A loader for {@code home}, with no system config unless the test writes one there. */
    static CatalogLoader loader(Path home, List<HostEntry> hosts, Path systemConfig) {
        return new CatalogLoader(locations(home), settings(hosts), systemConfig, LOCAL_USER);
    }

    static Catalog loadExplicit(Path home, Path config) {
        return loader(home, List.of(), home.resolve("no-system-config")).load(config, true);
    }

    /** Copies the corpus into {@code target}, with @DIR@ replaced by {@code target}. */
    static void copyCorpus(Path target) {
        try {
            Path source = Path.of(TestCatalogs.class.getResource("/catalog").toURI());
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path destination = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(destination);
                    } else {
                        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                        Files.writeString(destination, text.replace("@DIR@", target.toString()),
                                StandardCharsets.ISO_8859_1);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static HostEntry entry(String alias, String hostname, List<String> tags, String group, boolean favourite, int line) {
        return new HostEntry(alias, hostname, "", 0, tags, group, "", favourite, Path.of("/jhosts.conf"), line);
    }
}
