package dev.jhosts.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jhosts.config.HostEntry;
import dev.jhosts.config.Locations;
import dev.jhosts.config.SettingsLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks around an edit of jhosts' own host in the settings file: a file another editor
 * changed between jhosts' reading and its writing is not overwritten, and a change jhosts' loader
 * would not read as the new values is not written.
 */
class SettingsHostEditorTest {
    private static final String TEXT = "hosts = [\n  { alias = box, hostname = h, port = 22 }\n  { alias = web, hostname = w }\n]\n";

    @TempDir
    Path dir;

    private Path file;
    private SettingsLoader loader;

    @BeforeEach
    void write() throws IOException {
        file = dir.resolve("jhosts.conf");
        Files.writeString(file, TEXT);
        loader = new SettingsLoader(Locations.of(Map.of("HOME", dir.toString()), dir));
    }

    private Host box() {
        return new Host("box", "h", "me", 22, "", List.of(), "", "", false, true, file, 2);
    }

    private SettingsHostEditor editor(HostEditor.SettingsReading reading) {
        return new SettingsHostEditor(file, reading, new ConfigFileWriter(dir.resolve("backups")));
    }

    private long backups() throws IOException {
        if (!Files.exists(dir.resolve("backups"))) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir.resolve("backups"))) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void anEditIsWrittenWithItsBackupWhenTheFileStaysAsRead() throws Exception {
        HostEditor.Outcome outcome = editor((path, text) -> loader.loadText(path, text).hosts())
                .edit(box(), List.of(new HostEditor.Option("Port", "2222")), NotesChange.NONE, " Port 2222");

        assertThat(Files.readString(file)).isEqualTo(TEXT.replace("port = 22 }", "port = 2222 }"));
        assertThat(Files.readString(outcome.backup())).isEqualTo(TEXT);
    }

    @Test
    void anEntryThatMovedSinceTheCatalogueWasReadIsRefused() throws Exception {
        String moved = "# a line added above\n" + TEXT;
        Files.writeString(file, moved);

        assertThatThrownBy(() -> editor((path, text) -> loader.loadText(path, text).hosts()).edit(box(),
                List.of(new HostEditor.Option("Port", "2222")), NotesChange.NONE, " Port 2222"))
                .hasMessage(file + " changed since jhosts read it (the entry of box is at line 3 now, not 2); nothing "
                        + "written: run the command again");
        assertThat(Files.readString(file)).isEqualTo(moved);
    }

    @Test
    void aFileChangedBetweenReadingAndWritingIsNotOverwritten() throws Exception {
        String other = TEXT + "# another editor's line\n";
        HostEditor.SettingsReading reading = (path, text) -> {
            if (text.contains("2222")) {
                try {
                    Files.writeString(file, other); // another editor saves while jhosts checks its change
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return loader.loadText(path, text).hosts();
        };

        assertThatThrownBy(() -> editor(reading).edit(box(), List.of(new HostEditor.Option("Port", "2222")),
                NotesChange.NONE, " Port 2222")).isInstanceOf(HostEditor.Refused.class)
                .hasMessageContaining("changed since jhosts read it").hasMessageContaining("nothing written");
        assertThat(Files.readString(file)).isEqualTo(other);
        assertThat(backups()).isZero();
    }

    @Test
    void aChangeTheLoaderDoesNotReadAsTheNewValuesIsNotWritten() throws Exception {
        // As when a later hosts setting or an include gives the entry its old values again.
        HostEditor.SettingsReading reading = (path, text) -> loader.loadText(path, TEXT).hosts();

        assertThatThrownBy(() -> editor(reading).edit(box(), List.of(new HostEditor.Option("Port", "2222")),
                NotesChange.NONE, " Port 2222")).isInstanceOf(HostEditor.Refused.class)
                .hasMessage("jhosts would read " + file + " after the change as hostname h, port 22 for box, not "
                        + "hostname h, port 2222 (another hosts setting or an include takes precedence?); nothing written");
        assertThat(Files.readString(file)).isEqualTo(TEXT);
        assertThat(backups()).isZero();
    }

    @Test
    void removingAnEntryThatTakesAnotherWithItIsNotWritten() throws Exception {
        HostEditor.SettingsReading reading = (path, text) -> {
            List<HostEntry> entries = loader.loadText(path, text).hosts();
            return text.equals(TEXT) ? entries : List.of();
        };

        assertThatThrownBy(() -> editor(reading).remove(box())).isInstanceOf(HostEditor.Refused.class)
                .hasMessageContaining("but other entries changed too");
        assertThat(Files.readString(file)).isEqualTo(TEXT);
    }
}
