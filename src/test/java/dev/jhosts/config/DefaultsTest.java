package dev.jhosts.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The defaults jhosts runs with are the ones reference.conf documents, key for key and value for value. */
class DefaultsTest {
    @TempDir
    Path home;

    @Test
    void referenceConfReadAsASettingsFileGivesTheDefaults() throws Exception {
        Path file = home.resolve("reference.conf");
        try (InputStream reference = DefaultsTest.class.getResourceAsStream("/reference.conf")) {
            Files.copy(reference, file);
        }
        Locations locations = Locations.of(java.util.Map.of("HOME", home.toString()), home);
        Settings documented = new SettingsLoader(locations).loadExplicit(file);
        assertThat(documented).isEqualTo(Defaults.settings(locations.defaultControlDirectory()));
        assertThat(new SettingsLoader(locations).loadDefault()).isEqualTo(documented);
    }

    @Test
    void everyKeyIsDocumentedInReferenceConf() {
        assertThat(ConfigFactory.parseResources("reference.conf").getConfig("jhosts").root().keySet())
                .containsExactlyInAnyOrderElementsOf(Defaults.keys());
    }
}
