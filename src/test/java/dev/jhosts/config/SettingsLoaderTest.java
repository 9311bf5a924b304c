package dev.jhosts.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
    @TempDir
    Path dir;

    private Locations locations() {
        return Locations.of(Map.of("HOME", dir.toString(), "XDG_RUNTIME_DIR", dir.resolve("run").toString()), dir);
    }

    private Settings load(String text) throws Exception {
        Path file = dir.resolve("jhosts.conf");
        Files.writeString(file, text);
        return new SettingsLoader(locations()).loadExplicit(file);
    }

    private SettingsException problem(String text) {
        Path file = dir.resolve("jhosts.conf");
        try {
            Files.writeString(file, text);
            new SettingsLoader(locations()).loadExplicit(file);
        } catch (SettingsException e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no error for:\n" + text);
    }

    @Test
    void defaultsWithoutAFile() throws Exception {
        Settings settings = new SettingsLoader(locations()).loadDefault();
        assertThat(settings.sshBinary()).isEqualTo("ssh");
        assertThat(settings.controlDirectory()).isEqualTo(dir.resolve("run/jhosts"));
        assertThat(settings.controlPersist()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.maxParallelLaunches()).isEqualTo(4);
        assertThat(settings.escapeChar()).isEqualTo('~');
        assertThat(settings.escapeTimeout()).isEqualTo(Duration.ofMillis(100));
        assertThat(settings.onSessionEnd()).isEqualTo(Settings.OnSessionEnd.LIST);
        assertThat(settings.hosts()).isEmpty();
    }

    @Test
    void escapeTimeoutWithinItsRange() throws Exception {
        assertThat(load("escape-timeout = 250ms\n").escapeTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(problem("\nescape-timeout = 5ms\n").getMessage())
                .isEqualTo(dir.resolve("jhosts.conf") + ":2: escape-timeout: must be from 10ms to 2s, got 5ms");
        assertThat(problem("escape-timeout = 3s\n").getMessage()).endsWith(":1: escape-timeout: must be from 10ms to 2s, got 3s");
    }

    @Test
    void controlDirectoryFallsBackToDotSshWithoutRuntimeDir() throws Exception {
        Locations noRuntime = Locations.of(Map.of("HOME", dir.toString()), dir);
        assertThat(new SettingsLoader(noRuntime).loadDefault().controlDirectory()).isEqualTo(dir.resolve(".ssh/jhosts"));
    }

    @Test
    void userValuesOverrideDefaults() throws Exception {
        Settings settings = load("""
                control-persist = 90s
                connect-timeout = 750ms
                max-parallel-launches = 9
                control-directory = "~/sockets"
                escape-char = none
                on-session-end = exit
                prelaunch = [web1, db1]
                """);
        assertThat(settings.controlPersist()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(settings.maxParallelLaunches()).isEqualTo(9);
        assertThat(settings.controlDirectory()).isEqualTo(dir.resolve("sockets"));
        assertThat(settings.escapeChar()).isEqualTo(-1);
        assertThat(settings.onSessionEnd()).isEqualTo(Settings.OnSessionEnd.EXIT);
        assertThat(settings.prelaunch()).containsExactly("web1", "db1");
    }

    @Test
    void aJhostsBlockIsAcceptedToo() throws Exception {
        assertThat(load("jhosts {\n  control-persist = 1m\n}\n").controlPersist()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void hostEntries() throws Exception {
        Settings settings = load("""
                hosts = [
                  { alias = web1, tags = [prod, web], group = "Production", description = "front", favourite = true }
                  { name = lab, hostname = "10.0.0.5", user = admin, port = 2222 }
                ]
                """);
        assertThat(settings.hosts()).hasSize(2);
        HostEntry web = settings.hosts().get(0);
        assertThat(web.alias()).isEqualTo("web1");
        assertThat(web.tags()).containsExactly("prod", "web");
        assertThat(web.favourite()).isTrue();
        assertThat(web.definesHost()).isFalse();
        assertThat(web.line()).isEqualTo(2);
        HostEntry lab = settings.hosts().get(1);
        assertThat(lab.definesHost()).isTrue();
        assertThat(lab.port()).isEqualTo(2222);
        assertThat(lab.user()).isEqualTo("admin");
        assertThat(settings.entryFor("lab")).contains(lab);
    }

    @Test
    void unknownKeyNamesFileAndLine() {
        SettingsException e = problem("control-persist = 1m\n\ncontrol-persits = 2m\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).isEqualTo(dir.resolve("jhosts.conf") + ":3: unknown key 'control-persits'");
    }

    @Test
    void badDuration() {
        SettingsException e = problem("# comment\ncontrol-persist = forever\n");
        assertThat(e.getMessage()).startsWith(dir.resolve("jhosts.conf") + ":2: control-persist: expected a duration");
    }

    @Test
    void wrongType() {
        assertThat(problem("max-parallel-launches = many\n").getMessage())
                .endsWith(":1: max-parallel-launches: expected a whole number, got 'many'");
        assertThat(problem("max-parallel-launches = 0\n").getMessage()).contains(":1: max-parallel-launches: must be at least 1");
        assertThat(problem("prelaunch = web1\n").getMessage()).contains(":1: prelaunch: expected a list");
        assertThat(problem("on-session-end = maybe\n").getMessage()).contains(":1: on-session-end: expected list or exit");
        assertThat(problem("escape-char = \"ab\"\n").getMessage()).contains(":1: escape-char:");
        assertThat(problem("connect-timeout = 0s\n").getMessage()).contains(":1: connect-timeout: must be more than zero");
    }

    @Test
    void probeSettings() throws Exception {
        Settings settings = load("probes = off\nprobe-parallelism = 16\nprobe-interval = 5m\nprobe-timeout = 2500ms\n");
        assertThat(settings.probes()).isEqualTo(new ProbeSettings(false, 16, Duration.ofMinutes(5), Duration.ofMillis(2500)));
        assertThat(load("probes = yes\n").probes().enabled()).isTrue();
        assertThat(problem("\nprobes = sometimes\n").getMessage())
                .endsWith(":2: probes: expected on or off, got 'sometimes'");
        assertThat(problem("probe-parallelism = 0\n").getMessage()).contains(":1: probe-parallelism: must be at least 1");
        assertThat(problem("probe-timeout = 0s\n").getMessage()).contains(":1: probe-timeout: must be more than zero");
        assertThat(problem("probe-interval = often\n").getMessage()).contains(":1: probe-interval: expected a duration");
    }

    @Test
    void syntaxError() {
        SettingsException e = problem("control-persist = 1m\nprelaunch = [web1\n");
        assertThat(e.line()).isGreaterThanOrEqualTo(2);
        assertThat(e.getMessage()).startsWith(dir.resolve("jhosts.conf") + ":").doesNotContain("\n");
    }

    @Test
    void badHostEntries() {
        assertThat(problem("hosts = [\n  { alias = web1, colour = red }\n]\n").getMessage())
                .contains(":2: hosts: unknown key 'colour'");
        assertThat(problem("hosts = [\n  { alias = web1, port = 70000 }\n]\n").getMessage())
                .contains(":2: hosts: port must be a number from 1 to 65535");
        assertThat(problem("hosts = [\n  { description = x }\n]\n").getMessage())
                .contains(":2: hosts: an entry needs an alias");
        assertThat(problem("hosts = [\n  { alias = \"web*\" }\n]\n").getMessage())
                .contains(":2: hosts: alias 'web*' must be a plain name");
        assertThat(problem("hosts = [ 3 ]\n").getMessage()).contains(":1: hosts: expected an entry");
    }

    @Test
    void missingExplicitFile() {
        Path missing = dir.resolve("nope.conf");
        assertThatThrownBy(() -> new SettingsLoader(locations()).loadExplicit(missing))
                .isInstanceOf(SettingsException.class)
                .hasMessage(missing + ": no such file");
    }
}
