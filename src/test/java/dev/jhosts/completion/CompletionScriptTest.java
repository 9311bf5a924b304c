package dev.jhosts.completion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.Processes;
import dev.jhosts.testing.Requirements;
import dev.jhosts.testing.SshdFixture;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated completion scripts, run by the real shells: bash's completion function called as
 * bash calls it (COMP_WORDS, COMP_CWORD, COMPREPLY), fish's through {@code complete -C}, zsh's
 * loaded and its host lookup called.
 */
class CompletionScriptTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Path sshConfig;
    private Path calls;
    private Path jhosts;
    private Map<String, String> env;

    /** A jhosts that notes each time a script starts it, then runs the real launcher. */
    @BeforeEach
    void setUp() throws IOException {
        // the ssh config's directory is watched for changes: nothing else goes there
        sshConfig = Files.createDirectories(dir.resolve("ssh")).resolve("ssh_config");
        Files.writeString(sshConfig, "Host web1 web2\n  HostName 192.0.2.1\nHost db-main\n  HostName 192.0.2.2\n"
                + "Host *.pattern\n  User nobody\n");
        calls = dir.resolve("calls");
        jhosts = dir.resolve("jhosts");
        Files.writeString(jhosts, "#!/bin/sh\necho \"$*\" >> '" + calls + "'\nexec '"
                + SshdFixture.launcher().toAbsolutePath() + "' \"$@\"\n");
        Files.setPosixFilePermissions(jhosts, PosixFilePermissions.fromString("rwx------"));
        env = new HashMap<>();
        env.put("XDG_STATE_HOME", dir.resolve("state").toString());
        env.put("XDG_CONFIG_HOME", dir.resolve("config").toString());
        env.put("XDG_RUNTIME_DIR", dir.resolve("run").toString());
        env.put("HOME", Files.createDirectories(dir.resolve("home")).toString());
    }

    private String script(String shell) throws IOException {
        Processes.Result result = Processes.run(List.of(SshdFixture.launcher().toString(), "completion", shell), env, LIMIT);
        assertThat(result.exitCode()).as(result.describe()).isZero();
        Path file = dir.resolve("jhosts." + shell);
        Files.writeString(file, result.stdout());
        return file.toString();
    }

    private void readCatalogue() {
        Processes.Result list = Processes.run(List.of(SshdFixture.launcher().toString(), "-F", sshConfig.toString(), "list"),
                env, LIMIT);
        assertThat(list.exitCode()).as(list.describe()).isZero();
    }

    private int jvmStarts() throws IOException {
        return Files.exists(calls) ? (int) Files.readAllLines(calls).stream().filter(line -> !line.isEmpty()).count() : 0;
    }

    /** What bash's completion function offers for {@code words} (the last one being completed). */
    private List<String> bash(String script, String... words) {
        StringBuilder line = new StringBuilder("source '" + script + "' && COMP_WORDS=('" + jhosts + "'");
        for (String word : words) {
            line.append(" '").append(word).append("'");
        }
        line.append(") && COMP_CWORD=").append(words.length)
                .append(" && COMPREPLY=() && _jhosts && printf '%s\\n' \"${COMPREPLY[@]}\"");
        Processes.Result result = Processes.run(List.of("bash", "--norc", "--noprofile", "-c", line.toString()), env, LIMIT);
        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stderr()).as(result.describe()).isEmpty();
        return result.stdout().lines().filter(word -> !word.isEmpty()).toList();
    }

    @Test
    void bashOffersSubcommandsOptionsAndFiles() throws IOException {
        String script = script("bash");
        assertThat(bash(script, "")).containsExactly("list", "connect", "master", "forward", "probe", "demo", "completion", "doctor", "run", "ssh-config", "cp", "host", "sessions", "attach", "server");
        assertThat(bash(script, "ma")).containsExactly("master");
        assertThat(bash(script, "host", "")).containsExactly("add", "edit", "rm");
        assertThat(bash(script, "host", "edit", "web1", "--p")).contains("--port", "--proxyjump");
        assertThat(bash(script, "master", "")).containsExactly("start", "list", "check", "stop", "exit", "kill");
        assertThat(bash(script, "list", "--")).contains("--json", "--help", "--debug");
        assertThat(bash(script, "completion", "")).containsExactly("bash", "zsh", "fish");
        Files.writeString(dir.resolve("other.conf"), "");
        assertThat(bash(script, "-c", dir + "/oth")).containsExactly(dir + "/other.conf");
        assertThat(bash(script, "list", "-F", dir + "/ssh/ssh_")).containsExactly(sshConfig.toString());
        Processes.Result registered = Processes.run(List.of("bash", "--norc", "-c", "source '" + script + "' && complete -p jhosts"),
                env, LIMIT);
        assertThat(registered.stdout()).isEqualTo("complete -F _jhosts jhosts\n");
    }

    @Test
    void bashOffersTheAliasesOfTheCatalogueFromTheCacheWithoutStartingJhosts() throws IOException {
        String script = script("bash");
        readCatalogue();
        Path cache = dir.resolve("state/jhosts/" + HostCache.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache))).isEqualTo("rw-------");

        assertThat(bash(script, "-F", sshConfig.toString(), "connect", "")).containsExactly("web1", "web2", "db-main");
        assertThat(bash(script, "-F", sshConfig.toString(), "connect", "w")).containsExactly("web1", "web2");
        assertThat(bash(script, "-F", sshConfig.toString(), "master", "start", "web1", "d")).containsExactly("db-main");
        assertThat(bash(script, "-F", sshConfig.toString(), "host", "edit", "w")).containsExactly("web1", "web2");
        assertThat(bash(script, "-F", sshConfig.toString(), "connect", "web1", "")).isEmpty();
        assertThat(bash(script, "-F", sshConfig.toString(), "connect", "web1", "--", "")).isEmpty();
        assertThat(jvmStarts()).as("the cache was fresh: no jhosts started").isZero();

        // a new host: the config is newer than the cache, so the script runs 'jhosts list' once
        Files.writeString(sshConfig, Files.readString(sshConfig) + "Host added\n  HostName 192.0.2.3\n");
        assertThat(bash(script, "-F", sshConfig.toString(), "connect", "")).containsExactly("web1", "web2", "db-main", "added");
        assertThat(jvmStarts()).isEqualTo(1);
        assertThat(Files.readAllLines(calls)).containsExactly("-F " + sshConfig + " list");
        assertThat(bash(script, "-F", sshConfig.toString(), "connect", "a")).containsExactly("added");
        assertThat(jvmStarts()).as("fresh again").isEqualTo(1);

        // another -F: a cache of another config is not used
        Path other = sshConfig.resolveSibling("other_config");
        Files.writeString(other, "Host elsewhere\n");
        assertThat(bash(script, "-F", other.toString(), "connect", "")).containsExactly("elsewhere");
        assertThat(jvmStarts()).isEqualTo(2);
    }

    @Test
    void masterCommandsOfferOnlyHostsWithALiveSocket() throws IOException {
        String script = script("bash");
        readCatalogue();
        Path cache = dir.resolve("state/jhosts/" + HostCache.FILE_NAME);
        String socket = Files.readAllLines(cache).stream().filter(line -> line.startsWith("db-main\t"))
                .map(line -> line.substring(line.indexOf('\t') + 1)).findFirst().orElseThrow();
        assertThat(bash(script, "-F", sshConfig.toString(), "master", "check", "")).isEmpty();
        Files.createDirectories(Path.of(socket).getParent());
        try (ServerSocketChannel listening = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            listening.bind(UnixDomainSocketAddress.of(socket));
            for (String verb : List.of("check", "stop", "exit", "kill")) {
                assertThat(bash(script, "-F", sshConfig.toString(), "master", verb, "")).as(verb).containsExactly("db-main");
            }
            assertThat(bash(script, "-F", sshConfig.toString(), "master", "start", "")).containsExactly("web1", "web2", "db-main");
        } finally {
            Files.deleteIfExists(Path.of(socket));
        }
        assertThat(jvmStarts()).isZero();
    }

    @Test
    void zshLoadsTheScriptAndReadsTheCache() throws IOException {
        Requirements.requireCommand("zsh", "zsh");
        String script = script("zsh");
        readCatalogue();
        Processes.Result result = Processes.run(List.of("zsh", "-f", "-c", "autoload -Uz compinit && compinit -u -d '"
                + dir.resolve("zcompdump") + "' && source '" + script + "' && _jhosts_hosts '" + jhosts + "' '" + sshConfig
                + "' '' all && print -l -- $reply && print -r -- ${_comps[jhosts]}"), env, LIMIT);
        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stderr()).as(result.describe()).isEmpty();
        assertThat(result.stdout()).isEqualTo("web1\nweb2\ndb-main\n_jhosts\n");
        assertThat(jvmStarts()).isZero();
    }

    @Test
    void fishCompletesThroughTheScript() throws IOException {
        Requirements.requireCommand("fish", "fish");
        String script = script("fish");
        readCatalogue();
        List<String> lines = new ArrayList<>();
        for (String commandLine : List.of("jhosts -F " + sshConfig + " connect ", "jhosts ma", "jhosts completion ")) {
            Processes.Result result = Processes.run(List.of("fish", "--no-config", "-c", "source '" + script
                    + "'; and complete -C '" + commandLine + "'"), env, LIMIT);
            assertThat(result.exitCode()).as(result.describe()).isZero();
            assertThat(result.stderr()).as(result.describe()).isEmpty();
            lines.add(String.join(",", result.stdout().lines().toList()));
        }
        assertThat(lines).containsExactly("db-main,web1,web2", "master", "bash,fish,zsh");
    }
}
