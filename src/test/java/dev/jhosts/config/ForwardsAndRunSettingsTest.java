package dev.jhosts.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.mux.Forward;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forwards setting and the run settings: read, and their mistakes reported at their lines. */
class ForwardsAndRunSettingsTest {
    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        Path file = dir.resolve("jhosts.conf");
        Files.writeString(file, text);
        return file;
    }

    private Settings load(String text) throws Exception {
        return new SettingsLoader(Locations.of(Map.of("HOME", dir.toString()), dir)).loadExplicit(write(text));
    }

    private String problem(String text) throws Exception {
        Path file = write(text);
        try {
            new SettingsLoader(Locations.of(Map.of("HOME", dir.toString()), dir)).loadExplicit(file);
        } catch (SettingsException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for:\n" + text);
    }

    @Test
    void forwardsAreReadPerHostInSshsSyntax() throws Exception {
        Settings settings = load("forwards = [\n"
                + "  { host = db, open = [\"-L 15432:localhost:5432\", \"-D1080\"] }\n"
                + "  { host = \"web.example.org\", open = [\"-R 0:localhost:22\"] }\n"
                + "  { host = db, open = [\"-L /tmp/db.sock:/run/postgresql/.s.PGSQL.5432\"] }\n"
                + "]\nrun-parallelism = 4\nrun-timeout = 30s\nrun-hangup = off\n");
        assertThat(settings.forwards()).containsOnlyKeys("db", "web.example.org");
        assertThat(settings.forwards().get("db")).containsExactly(
                new Forward(Forward.Kind.LOCAL, "", 15432, "localhost", 5432),
                new Forward(Forward.Kind.DYNAMIC, "", 1080, "", 0),
                new Forward(Forward.Kind.LOCAL, "/tmp/db.sock", Forward.SOCKET_PATH, "/run/postgresql/.s.PGSQL.5432",
                        Forward.SOCKET_PATH));
        assertThat(settings.forwards().get("web.example.org")).containsExactly(
                new Forward(Forward.Kind.REMOTE, "", 0, "localhost", 22));
        assertThat(settings.run()).isEqualTo(new RunSettings(4, Duration.ofSeconds(30), false));
    }

    @Test
    void aBadForwardIsReportedAtItsLine() throws Exception {
        assertThat(problem("forwards = [\n  { host = db, open = [\n    \"-L 99999:x:1\"\n  ] }\n]\n"))
                .contains("jhosts.conf:3").contains("forwards: bad local forwarding specification '99999:x:1'");
        assertThat(problem("forwards = [ { host = db, open = [\"8080:db:5432\"] } ]\n"))
                .contains(":1").contains("expected -L, -R or -D");
        assertThat(problem("forwards = [ { open = [\"-D 1080\"] } ]\n")).contains("an entry needs host = ALIAS");
        assertThat(problem("forwards = [ { host = db, forward = [\"-D 1080\"] } ]\n")).contains("unknown key 'forward'");
        assertThat(problem("forwards = { db = [\"-D 1080\"] }\n")).contains("forwards: expected a list");
        assertThat(problem("run-parallelism = 0\n")).contains("run-parallelism: must be from 1 to 256");
        assertThat(problem("run-timeout = soon\n")).contains("run-timeout: expected a duration");
        assertThat(problem("run-hangup = maybe\n")).contains("run-hangup: expected on or off");
    }

    @Test
    void theDefaults() throws Exception {
        Settings settings = load("");
        assertThat(settings.forwards()).isEmpty();
        assertThat(settings.run()).isEqualTo(new RunSettings(16, Duration.ZERO, true));
        assertThat(List.of(settings.run().timeout().isZero())).containsExactly(true);
    }
}
