package dev.jhosts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.config.Locations;
import dev.jhosts.config.Settings;
import dev.jhosts.config.SettingsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's training run shows the real picker for the class-data-sharing archive: its settings
 * must load, or the picker ends at once with a settings error and the archive (target/jhosts.jsa,
 * the packages' too) lacks the picker's classes, silently.
 */
class TrainingRunTest {
    @TempDir
    Path home;

    @Test
    void theTrainingPickersSettingsLoad() throws Exception {
        Path file = home.resolve("jhosts.conf");
        Files.writeString(file, TrainingRun.settings(home));
        Settings settings = new SettingsLoader(Locations.of(Map.of("HOME", home.toString()), home)).loadExplicit(file);
        assertThat(settings.prelaunchDelay()).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(settings.controlDirectory()).isEqualTo(home.resolve("c"));
    }
}
