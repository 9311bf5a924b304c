package dev.jhosts.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jhosts.testing.Processes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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
                .isEqualTo(dir.resolve("jhosts.conf") + ":2: escape-timeout: must be from 10ms to 2s, got '5ms'");
        assertThat(problem("escape-timeout = 3s\n").getMessage()).endsWith(":1: escape-timeout: must be from 10ms to 2s, got '3s'");
    }

    @Test
    void remoteSessionGloballyAndPerHost() throws Exception {
        Settings settings = load("remote-session = tmux\nhosts = [ { alias = db, remote-session = plain },"
                + " { alias = web, remote-session = screen }, { alias = lab, tags = [x] } ]\n");
        assertThat(settings.sessions().remoteSessionFor("db")).isEqualTo(dev.jhosts.session.RemoteSession.PLAIN);
        assertThat(settings.sessions().remoteSessionFor("web")).isEqualTo(dev.jhosts.session.RemoteSession.SCREEN);
        assertThat(settings.sessions().remoteSessionFor("lab")).isEqualTo(dev.jhosts.session.RemoteSession.TMUX);
        assertThat(new SettingsLoader(locations()).loadDefault().sessions().remoteSessionFor("lab"))
                .isEqualTo(dev.jhosts.session.RemoteSession.PLAIN);
        assertThat(problem("remote-session = mosh\n").getMessage())
                .endsWith(":1: remote-session: expected plain, tmux, screen or auto, got 'mosh'");
        assertThat(problem("hosts = [\n  { alias = db,\n    remote-session = byobu } ]\n").getMessage())
                .isEqualTo(dir.resolve("jhosts.conf") + ":3: hosts: remote-session must be plain, tmux, screen or auto, "
                        + "got 'byobu'");
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
                connect-timeout = 7500ms
                max-parallel-launches = 9
                control-directory = "~/sockets"
                escape-char = none
                on-session-end = exit
                prelaunch = [web1, db1]
                """);
        assertThat(settings.controlPersist()).isEqualTo(Duration.ofSeconds(90));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(7500));
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
        assertThat(e.getMessage()).isEqualTo(dir.resolve("jhosts.conf")
                + ":3: unknown key 'control-persits' (did you mean 'control-persist'?)");
        assertThat(problem("colour = red\n").getMessage()).endsWith(":1: unknown key 'colour' "
                + "(the settings are listed in jhosts(1), SETTINGS, and in reference.conf)");
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
        assertThat(problem("max-parallel-launches = 0\n").getMessage())
                .contains(":1: max-parallel-launches: must be from 1 to 64, got 0");
        assertThat(problem("prelaunch = web1\n").getMessage()).contains(":1: prelaunch: expected a list");
        assertThat(problem("on-session-end = maybe\n").getMessage()).contains(":1: on-session-end: expected list or exit");
        assertThat(problem("escape-char = \"ab\"\n").getMessage()).contains(":1: escape-char:");
        assertThat(problem("connect-timeout = 0s\n").getMessage()).contains(":1: connect-timeout: must be from 1s to 10m");
    }

    @Test
    void promptSettings() throws Exception {
        Settings settings = load("ask-at-start = [bastion]\npassword-commands = [\n"
                + "  { hosts = \"db* tag:prod\", command = [pass, show, db], timeout = 3s }\n"
                + "  { hosts = web1, command = [\"secret-tool\", lookup, host, web1] }\n]\n");
        assertThat(settings.prompts().askAtStart()).containsExactly("bastion");
        assertThat(settings.prompts().passwordCommands()).containsExactly(
                new PromptSettings.PasswordCommand("db* tag:prod", List.of("pass", "show", "db"), Duration.ofSeconds(3)),
                new PromptSettings.PasswordCommand("web1", List.of("secret-tool", "lookup", "host", "web1"),
                        Duration.ofSeconds(10)));
        assertThat(problem("password-commands = [\n  { hosts = db, command = \"pass show db\" }\n]\n").getMessage())
                .contains(":2: password-commands: command must be a list of words").hasLineCount(1);
        assertThat(problem("password-commands = [{ command = [x] }]\n").getMessage())
                .contains(":1: password-commands: an entry needs hosts");
        assertThat(problem("password-commands = [{ hosts = a, command = [x], shell = yes }]\n").getMessage())
                .contains("unknown key 'shell'");
        assertThat(problem("password-commands = [{ hosts = a, command = [x], timeout = 1h }]\n").getMessage())
                .contains("timeout must be from 100ms to 5m");
    }

    @Test
    void probeSettings() throws Exception {
        Settings settings = load("probes = off\nprobe-parallelism = 16\nprobe-interval = 5m\nprobe-timeout = 2500ms\n");
        assertThat(settings.probes()).isEqualTo(new ProbeSettings(false, 16, Duration.ofMinutes(5), Duration.ofMillis(2500)));
        assertThat(load("probes = yes\n").probes().enabled()).isTrue();
        assertThat(problem("\nprobes = sometimes\n").getMessage())
                .endsWith(":2: probes: expected on or off, got 'sometimes'");
        assertThat(problem("probe-parallelism = 0\n").getMessage()).contains(":1: probe-parallelism: must be from 1 to 64, got 0");
        assertThat(problem("probe-timeout = 0s\n").getMessage()).contains(":1: probe-timeout: must be from 100ms to 5m");
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

    // --- bounded input: each of these crashed, hung or was accepted before ---

    @Test
    void deeplyNestedObjectsAreRefusedAtTheirLine() {
        String deep = "a = " + "{ a = ".repeat(5_000) + "1" + " }".repeat(5_000) + "\n";
        SettingsException e = problem("control-persist = 1m\n" + deep);
        assertThat(e.getMessage()).isEqualTo(dir.resolve("jhosts.conf") + ":2: nested too deeply (more than 64 levels "
                + "of objects, lists and key segments); jhosts' settings need at most 4");
        assertThat(problem("a = " + "[".repeat(5_000) + "]".repeat(5_000) + "\n").getMessage()).contains(":1: nested too deeply");
        assertThat(problem(String.join(".", java.util.Collections.nCopies(5_000, "a")) + " = 1\n").getMessage())
                .contains(":1: nested too deeply");
        assertThat(problem("x = ${" + String.join(".", java.util.Collections.nCopies(5_000, "a")) + "}\n").getMessage())
                .contains(":1: nested too deeply");
    }

    @Test
    void nestingWithinTheLimitIsNotMistakenForTooDeep() throws Exception {
        // braces inside strings, comments and substitutions do not count
        Settings settings = load("""
                # {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{
                // [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[
                jhosts.hosts = [
                  { alias = web1, description = "{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{" }
                  { alias = web2, description = \"\"\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"\"\" }
                ]
                """);
        assertThat(settings.hosts()).hasSize(2);
        assertThat(settings.hosts().get(1).description()).isEqualTo("[".repeat(70));
    }

    @Test
    void appendsThatBuildOnEachOtherAreBounded() throws Exception {
        // 800 of these took Typesafe Config's resolver 12 s; 1,000 never finished in a minute
        String appends = "prelaunch += h\n".repeat(1_000);
        assertThat(problem(appends).getMessage()).isEqualTo(dir.resolve("jhosts.conf") + ":101: more than 100 "
                + "substitutions (${...}) and appends (+=) in the settings; write the value out instead");
        assertThat(load("prelaunch += a\nprelaunch += b\n").prelaunch()).containsExactly("a", "b");
    }

    @Test
    void nullIsAWrongTypeLikeAnyOther() {
        assertThat(problem("ssh-binary = null\n").getMessage()).isEqualTo(dir.resolve("jhosts.conf")
                + ":1: ssh-binary: expected a string, got null");
        assertThat(problem("\nconnect-timeout = null\n").getMessage()).contains(":2: connect-timeout: expected a duration");
        assertThat(problem("hosts = null\n").getMessage()).contains(":1: hosts: expected a list of host entries, got null");
    }

    @Test
    void everyValueHasARange() {
        Map<String, String> outOfRange = new java.util.LinkedHashMap<>();
        outOfRange.put("connect-timeout = 200000d", "connect-timeout: must be from 1s to 10m, got '200000d'");
        outOfRange.put("connect-timeout = 500ms", "connect-timeout: must be from 1s to 10m");
        outOfRange.put("connect-timeout = 10", "got 10 (a number alone means milliseconds: write a unit, such as 10s)");
        outOfRange.put("connect-timeout = -5s", "connect-timeout: must be from 1s to 10m");
        outOfRange.put("connect-timeout = 99999999999999999999999d", "connect-timeout: expected a duration");
        outOfRange.put("control-persist = 31d", "control-persist: must be 0, or from 1s to 30d");
        outOfRange.put("control-persist = 500ms", "control-persist: must be 0, or from 1s to 30d");
        outOfRange.put("server-alive-interval = 2h", "server-alive-interval: must be 0, or from 1s to 1h");
        outOfRange.put("server-alive-interval = 500ms", "server-alive-interval: must be 0, or from 1s to 1h");
        outOfRange.put("server-alive-count-max = 101", "server-alive-count-max: must be from 1 to 100");
        outOfRange.put("max-parallel-launches = 65", "max-parallel-launches: must be from 1 to 64");
        outOfRange.put("alive-check-timeout = 10ms", "alive-check-timeout: must be from 100ms to 1m");
        outOfRange.put("alive-check-timeout = 2m", "alive-check-timeout: must be from 100ms to 1m");
        outOfRange.put("kill-grace = 61s", "kill-grace: must be from 0 to 1m");
        outOfRange.put("prelaunch-delay = 2m", "prelaunch-delay: must be from 0 to 1m");
        outOfRange.put("ssh-binary = \"\"", "ssh-binary: must not be empty");
        outOfRange.put("ssh-binary = \"ssh\\nrm\"", "ssh-binary: expected a program name or path, got 'ssh\\nrm'");
        outOfRange.put("escape-char = \"\\t\"", "escape-char: expected one ASCII character");
        outOfRange.put("prelaunch = [\"-oProxyCommand=x\"]", "prelaunch: '-oProxyCommand=x' must not start with '-'");
        outOfRange.put("prelaunch = [\"a b\"]", "prelaunch: 'a b' must not contain spaces or control characters");
        outOfRange.put("hosts = [ { alias = x, description = \"a\\nb\" } ]",
                "hosts: description must be one line without control characters, got 'a\\nb'");
        outOfRange.put("hosts = [ { alias = x, hostname = \"a b\" } ]", "hosts: hostname 'a b' must not contain spaces");
        outOfRange.put("hosts = [ { alias = x, user = \"-l\" } ]", "hosts: user '-l' must not start with '-'");
        outOfRange.put("hosts = [ { alias = x, tags = [\"a b\"] } ]", "hosts: tag 'a b' must not contain spaces");
        outOfRange.put("hosts = [ { alias = \"" + "x".repeat(300) + "\" } ]", "hosts: alias must be at most 255 characters");
        for (Map.Entry<String, String> entry : outOfRange.entrySet()) {
            assertThat(problem(entry.getKey() + "\n").getMessage()).as(entry.getKey())
                    .startsWith(dir.resolve("jhosts.conf") + ":1: ").contains(entry.getValue()).doesNotContain("\n");
        }
    }

    @Test
    void theEdgesOfTheRangesAreAccepted() throws Exception {
        Settings low = load("connect-timeout = 1s\ncontrol-persist = 0\nserver-alive-interval = 0\nkill-grace = 0s\n"
                + "alive-check-timeout = 100ms\nmax-parallel-launches = 1\nprelaunch-delay = 0\n");
        assertThat(low.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(low.controlPersist()).isZero();
        Settings high = load("connect-timeout = 10m\ncontrol-persist = 30d\nserver-alive-interval = 1h\nkill-grace = 1m\n"
                + "alive-check-timeout = 1m\nmax-parallel-launches = 64\nserver-alive-count-max = 100\n");
        assertThat(high.controlPersist()).isEqualTo(Duration.ofDays(30));
        assertThat(high.maxParallelLaunches()).isEqualTo(64);
    }

    @Test
    void aPlainFileCanBeIncludedRelativeToTheIncludingFile() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(sub.resolve("timeouts.conf"), "connect-timeout = 20s\n");
        Files.writeString(sub.resolve("hosts.conf"), "include \"timeouts.conf\"\nprelaunch = [db1]\n");
        Settings settings = load("include file(\"conf.d/hosts.conf\")\ncontrol-persist = 1m\n");
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.prelaunch()).containsExactly("db1");
        // an optional include that is missing is nothing
        assertThat(load("include \"absent.conf\"\n").connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aProblemInAnIncludedFileNamesThatFile() throws Exception {
        Path included = dir.resolve("more.conf");
        Files.writeString(included, "# more\nkill-grace = forever\n");
        assertThat(problem("include \"more.conf\"\n").getMessage())
                .startsWith(included + ":2: kill-grace: expected a duration");
        Files.writeString(included, "\n\nkil-grace = 1s\n");
        assertThat(problem("include \"more.conf\"\n").getMessage()).startsWith(included + ":3: unknown key 'kil-grace'");
    }

    @Test
    void aMissingRequiredIncludeIsOneLineAtTheInclude() {
        Path missing = dir.resolve("nope.conf");
        SettingsException e = problem("control-persist = 1m\ninclude required(file(\"" + missing + "\"))\n");
        assertThat(e.getMessage()).isEqualTo(dir.resolve("jhosts.conf") + ":2: include required(...): no such file "
                + missing);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void includesThatAreNotPlainFilesAreRefusedWithoutReadingThem() throws Exception {
        Path fifo = dir.resolve("fifo.conf");
        Processes.Result made = Processes.run(List.of("mkfifo", fifo.toString()), Map.of(), Duration.ofSeconds(10));
        assertThat(made.exitCode()).as(made.describe()).isZero();
        Path zero = dir.resolve("zero.conf");
        Files.createSymbolicLink(zero, Path.of("/dev/zero"));
        for (String include : List.of("include file(\"" + fifo + "\")", "include \"fifo.conf\"",
                "include required(file(\"" + zero + "\"))", "include \"" + zero + "\"")) {
            assertThat(problem("\n" + include + "\n").getMessage()).as(include)
                    .startsWith(dir.resolve("jhosts.conf") + ":2: include of ")
                    .endsWith(" refused: not a regular file (a device, FIFO or socket); not read");
        }
        assertThat(problem("include \"" + dir + "\"\n").getMessage()).contains(":1: include of " + dir + " refused: is a directory");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void urlAndClasspathIncludesAreRefused() throws Exception {
        // a server that accepts and never answers: the default includer waits on it for ever
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + silent.getLocalPort() + "/jhosts.conf";
            assertThat(problem("include url(\"" + url + "\")\n").getMessage())
                    .endsWith(":1: include url(...) is refused: save the file and include it with file(...)");
            assertThat(problem("include required(url(\"" + url + "\"))\n").getMessage()).contains(":1: include url(...) is refused");
            assertThat(problem("\ninclude \"" + url + "\"\n").getMessage()).contains(":2: include of a URL is refused");
        }
        assertThat(problem("include classpath(\"reference.conf\")\n").getMessage())
                .endsWith(":1: include classpath(...) is refused: include a file with file(...)");
    }

    @Test
    void includeCyclesAndDepthAreBounded() throws Exception {
        Files.writeString(dir.resolve("a.conf"), "include \"b.conf\"\n");
        Files.writeString(dir.resolve("b.conf"), "\ninclude \"a.conf\"\n");
        assertThat(problem("include \"a.conf\"\n").getMessage())
                .isEqualTo(dir.resolve("b.conf") + ":2: include cycle: " + dir.resolve("a.conf") + " is already being read");
        for (int i = 0; i < 12; i++) {
            Files.writeString(dir.resolve("level" + i + ".conf"), "include \"level" + (i + 1) + ".conf\"\n");
        }
        assertThat(problem("include \"level0.conf\"\n").getMessage()).contains("includes nested more than 8 deep");
    }

    @Test
    void aRelativeControlDirectoryIsTakenFromTheSettingsFilesDirectory() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("etc"));
        Path file = elsewhere.resolve("jhosts.conf");
        Files.writeString(file, "control-directory = \"sockets\"\n");
        Settings settings = new SettingsLoader(locations()).loadExplicit(file);
        assertThat(settings.controlDirectory()).isEqualTo(elsewhere.resolve("sockets"));
        Files.writeString(dir.resolve("sub.conf"), "control-directory = \"../s\"\n");
        Files.writeString(file, "include \"../sub.conf\"\n");
        assertThat(new SettingsLoader(locations()).loadExplicit(file).controlDirectory()).isEqualTo(dir.getParent().resolve("s"));
    }

    @Test
    void theNewHostsFileIsTheSshConfigUnlessSetAndItsPathIsReadAsControlDirectorysIs() throws Exception {
        assertThat(load("").newHostsFileSet()).isEmpty();
        assertThat(load("new-hosts-file = \"~/.ssh/config.d/new\"\n").newHostsFileSet())
                .contains(dir.resolve(".ssh/config.d/new"));
        Path elsewhere = Files.createDirectories(dir.resolve("etc"));
        Path file = elsewhere.resolve("jhosts.conf");
        Files.writeString(file, "new-hosts-file = \"hosts.d/new\"\n");
        assertThat(new SettingsLoader(locations()).loadExplicit(file).newHostsFileSet()).contains(elsewhere.resolve("hosts.d/new"));
        assertThat(problem("new-hosts-file = \"a\\u0007b\"\n").getMessage()).contains(":1: new-hosts-file: must not contain control characters");
    }

    @Test
    void aControlDirectoryTooLongForSocketsIsRefused() {
        String longDirectory = "/tmp/" + "d".repeat(60);
        assertThat(problem("control-directory = \"" + longDirectory + "\"\n").getMessage()).endsWith(":1: control-directory: "
                + longDirectory + " is 65 bytes; at most 49 leave room for a socket name within OpenSSH's 90-byte "
                + "ControlPath limit: choose a shorter directory");
    }

    @Test
    void aSettingsFileThatIsNotAPlainFileIsRefused() throws Exception {
        assertThatThrownBy(() -> new SettingsLoader(locations()).loadExplicit(Path.of("/dev/zero")))
                .hasMessage("/dev/zero: not a regular file (a device, FIFO or socket); not read");
        assertThatThrownBy(() -> new SettingsLoader(locations()).loadExplicit(dir))
                .hasMessage(dir + ": is a directory, not a settings file");
    }

    @Test
    void missingExplicitFile() {
        Path missing = dir.resolve("nope.conf");
        assertThatThrownBy(() -> new SettingsLoader(locations()).loadExplicit(missing))
                .isInstanceOf(SettingsException.class)
                .hasMessage(missing + ": no such file");
    }

    /**
     * detach-key, next-session-key and previous-session-key of earlier versions are still read, as
     * they were written then; the keys block has the last word for an action both set.
     */
    @Test
    void theSessionKeySettingsOfEarlierVersionsStillCount() throws Exception {
        Settings earlier = load("detach-key = \"^]\"\nnext-session-key = F11\nprevious-session-key = none\n");
        assertThat(earlier.keys().session().detach().name()).isEqualTo("^]");
        assertThat(earlier.keys().session().next().name()).isEqualTo("F11");
        assertThat(earlier.keys().session().previous()).isEqualTo(dev.jhosts.session.SessionKey.NONE);
        assertThat(earlier.sessions().keys().detach().name()).isEqualTo("^]");

        Settings both = load("detach-key = \"^]\"\nkeys { session { detach = \"C-t\" } }\n");
        assertThat(both.keys().session().detach().name()).isEqualTo("^T");

        assertThat(problem("\ndetach-key = Enter\n").getMessage())
                .endsWith(":2: detach-key: expected ^X, F1 to F12, S-F1 to S-F12, or \"none\", got 'Enter'");
    }
}
