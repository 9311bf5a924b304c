package dev.jhosts.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.catalog.Host;
import dev.jhosts.catalog.HostSource;
import dev.jhosts.catalog.SourceHosts;
import dev.jhosts.config.SourceSpec;
import dev.jhosts.master.HostOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Sources' output read as hostile input, their failures as one warning each, and their cache. */
class SourcesTest {
    private static final String USER = "me";

    @TempDir
    Path dir;

    private Path script(String name, String body) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    /** A script printing {@code output} exactly (from a file beside it, so that no shell quoting is involved). */
    private Path printing(String name, String output) throws IOException {
        Path text = dir.resolve(name + ".out");
        Files.writeString(text, output);
        return script(name, "cat '" + text + "'");
    }

    private static SourceSpec command(String name, Path program) {
        return new SourceSpec(name, SourceSpec.Type.COMMAND, List.of(program.toString()), Duration.ofMinutes(10),
                Duration.ofSeconds(20), Path.of("/settings.conf"), 7);
    }

    private Sources sources(SourceSpec... specs) {
        return new Sources(List.of(specs), dir.resolve("cache"), USER);
    }

    private static Map<String, Host> byAlias(SourceHosts hosts) {
        return hosts.hosts().stream().collect(Collectors.toMap(Host::alias, host -> host));
    }

    @Test
    void hostObjectsBecomeHostsWithTheOptionsTheirSourceGave() throws Exception {
        Path program = printing("inventory", """
                [{"alias": "web1", "hostname": "10.0.0.5", "user": "deploy", "port": 2222, "tags": ["prod", "web"],
                  "group": "Production", "description": "front end", "owner": "ignored"},
                 {"alias": "behind", "hostname": "10.1.1.1", "proxyjump": "ops@bastion:2200,ssh://jump2"},
                 {"alias": "bare"}]
                """);
        SourceHosts hosts = sources(command("cmdb", program)).refreshed(Sources.Run.STALE);
        assertThat(hosts.warnings()).isEmpty();
        assertThat(hosts.complete()).isTrue();
        Map<String, Host> found = byAlias(hosts);
        assertThat(hosts.hosts()).extracting(Host::alias).containsExactly("web1", "behind", "bare");
        Host web = found.get("web1");
        assertThat(web.hostname()).isEqualTo("10.0.0.5");
        assertThat(web.user()).isEqualTo("deploy");
        assertThat(web.port()).isEqualTo(2222);
        assertThat(web.tags()).containsExactly("prod", "web");
        assertThat(web.group()).isEqualTo("Production");
        assertThat(web.extra()).isTrue();
        assertThat(web.source().name()).isEqualTo("cmdb");
        assertThat(web.file()).isEqualTo(Path.of("/settings.conf"));
        assertThat(web.line()).isEqualTo(7);
        HostOptions options = HostOptions.of(hosts.hosts());
        assertThat(options.forAlias("web1")).containsExactly("-o", "HostName=10.0.0.5", "-o", "User=deploy", "-o", "Port=2222");
        assertThat(options.forAlias("behind"))
                .containsExactly("-o", "HostName=10.1.1.1", "-o", "ProxyJump=ops@bastion:2200,ssh://jump2");
        // nothing given: nothing on ssh's command line, so that the ssh config's Host * blocks give User and Port
        assertThat(options.forAlias("bare")).isEmpty();
        assertThat(found.get("bare").user()).isEqualTo(USER);
        assertThat(found.get("bare").hostname()).isEqualTo("bare");
    }

    @Test
    void valuesSshCouldMisreadRefuseTheirHostAndControlCharactersAreShownEscaped() throws Exception {
        Path program = printing("hostile", String.join("\n",
                "{\"alias\": \"ok\", \"description\": \"red \\u001b[31m\\nline\", \"group\": \"g\\u0007\"}",
                "{\"alias\": \"-oProxyCommand=touch /tmp/x\"}",
                "{\"alias\": \"two words\"}",
                "{\"alias\": \"root@box\"}",
                "{\"alias\": \"web*\"}",
                "{\"alias\": \"x1\", \"hostname\": \"-oProxyCommand=x\"}",
                "{\"alias\": \"x2\", \"user\": \"a;touch /tmp/y\"}",
                "{\"alias\": \"x3\", \"port\": 70000}",
                "{\"alias\": \"x4\", \"port\": 22.5}",
                "{\"alias\": \"x5\", \"proxyjump\": \"bastion -oProxyCommand=x\"}",
                "{\"alias\": \"x6\", \"tags\": [\"a b\"]}",
                "{\"alias\": \"x7\", \"hostname\": \"a\\nb\"}",
                "{\"alias\": \"ok\"}",
                "[1]",
                ""));
        SourceHosts hosts = sources(command("wild", program)).refreshed(Sources.Run.STALE);
        assertThat(hosts.hosts()).extracting(Host::alias).containsExactly("ok");
        Host ok = hosts.hosts().get(0);
        assertThat(ok.description()).isEqualTo("red \\x1b[31m\\nline").doesNotContain("\u001b");
        assertThat(ok.group()).isEqualTo("g\\x07");
        assertThat(hosts.warnings()).hasSize(1);
        assertThat(hosts.warnings().get(0)).startsWith("source wild: 13 hosts refused (host 2: alias '-oProxyCommand=touch /tmp/x'")
                .doesNotContain("\n");
    }

    @Test
    void unreadableOutputIsOneWarningAndTheCachedHostsStay() throws Exception {
        Path program = printing("flaky", "[{\"alias\": \"kept\"}]");
        SourceSpec spec = command("flaky", program);
        assertThat(sources(spec).refreshed(Sources.Run.STALE).hosts()).extracting(Host::alias).containsExactly("kept");
        Path cached = new SourceCache(dir.resolve("cache")).file(spec);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cached))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cached.getParent()))).isEqualTo("rwx------");

        Files.writeString(dir.resolve("flaky.out"), "[{\"alias\": \"new\"},");
        // fresh: the cache is used, the command is not run
        SourceHosts fresh = sources(spec).refreshed(Sources.Run.STALE);
        assertThat(fresh.hosts()).extracting(Host::alias).containsExactly("kept");
        assertThat(fresh.warnings()).isEmpty();

        Files.setLastModifiedTime(cached, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        SourceHosts stale = sources(spec).refreshed(Sources.Run.STALE);
        assertThat(stale.hosts()).extracting(Host::alias).containsExactly("kept");
        assertThat(stale.warnings()).containsExactly(
                "source flaky: not JSON at 1:19: the text ends where a value should be (the host it gave 60m ago is listed)");
    }

    @Test
    void aFailingCommandIsOneWarningNamingItsSourceAndTheOthersAnswer() throws Exception {
        Path failing = script("failing", "echo 'cmdb: connection refused' >&2\necho second line >&2\nexit 3");
        Path missing = dir.resolve("no-such-program");
        Path good = printing("good", "{\"alias\": \"a1\"}\n");
        SourceHosts hosts = sources(command("broken", failing), command("absent", missing), command("fine", good))
                .refreshed(Sources.Run.STALE);
        assertThat(hosts.hosts()).extracting(Host::alias).containsExactly("a1");
        assertThat(hosts.warnings()).containsExactly(
                "source broken: exited with status 3: cmdb: connection refused",
                "source absent: cannot run '" + missing + "': error=2, No such file or directory");
        assertThat(hosts.complete()).isFalse();
    }

    @Test
    @Timeout(60)
    void aSourcePastItsTimeoutIsStoppedWithItsChildren() throws Exception {
        Path marker = dir.resolve("child-alive");
        Path slow = script("slow", "(sleep 30; touch '" + marker + "') &\nsleep 30\necho '[]'");
        SourceSpec spec = new SourceSpec("slow", SourceSpec.Type.COMMAND, List.of(slow.toString()), Duration.ofMinutes(10),
                Duration.ofSeconds(1), Path.of("/settings.conf"), 3);
        SourceHosts hosts = sources(spec).refreshed(Sources.Run.STALE);
        assertThat(hosts.warnings()).containsExactly("source slow: gave no answer within 1s (timeout); stopped");
        assertThat(hosts.hosts()).isEmpty();
    }

    @Test
    @Timeout(120)
    void endlessOutputIsCutOff() throws Exception {
        Path endless = script("endless", "exec yes '{\"alias\": \"a\"}'");
        SourceHosts hosts = sources(command("endless", endless)).refreshed(Sources.Run.STALE);
        assertThat(hosts.warnings()).containsExactly("source endless: printed more than 32 MiB; refused");
        assertThat(hosts.hosts()).isEmpty();
    }

    @Test
    void deepNestingAndTrailingGarbageAreRefused() throws Exception {
        Path deep = printing("deep", "[".repeat(100_000));
        Path trailing = printing("trailing", "[{\"alias\": \"a\"}] x");
        SourceHosts hosts = sources(command("deep", deep), command("trailing", trailing)).refreshed(Sources.Run.STALE);
        assertThat(hosts.warnings()).containsExactly(
                "source deep: not JSON at 1:65: nested more than 64 deep",
                "source trailing: not JSON at 1:18: text after the JSON value");
    }

    @Test
    void theCacheGivesTheHostsOnTheNextStartWithoutRunningTheSource() throws Exception {
        Path counter = dir.resolve("runs");
        Path program = script("counted", "echo run >> '" + counter + "'\necho '{\"alias\": \"c1\"}'");
        SourceSpec spec = command("counted", program);
        assertThat(sources(spec).cached().hosts()).isEmpty();
        assertThat(sources(spec).cached().complete()).isFalse();
        sources(spec).refreshed(Sources.Run.MISSING);
        SourceHosts next = sources(spec).cached();
        assertThat(next.hosts()).extracting(Host::alias).containsExactly("c1");
        assertThat(next.complete()).isTrue();
        sources(spec).refreshed(Sources.Run.MISSING);
        assertThat(Files.readAllLines(counter)).hasSize(1);
        // another command is another source: the old one's hosts are not used for it
        SourceSpec changed = new SourceSpec("counted", SourceSpec.Type.COMMAND, List.of(program.toString(), "--all"),
                spec.refresh(), spec.timeout(), spec.file(), spec.line());
        assertThat(sources(changed).cached().hosts()).isEmpty();
    }

    @Test
    void aCacheOthersCanWriteIsNotRead() throws Exception {
        Path program = printing("shared", "{\"alias\": \"s1\"}");
        SourceSpec spec = command("shared", program);
        sources(spec).refreshed(Sources.Run.MISSING);
        assertThat(sources(spec).cached().hosts()).hasSize(1);
        Files.setPosixFilePermissions(dir.resolve("cache"), PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThat(sources(spec).cached().hosts()).isEmpty();
    }

    @Test
    void tailscalePeersAreHostsByTheirDnsName() throws Exception {
        String status = new String(SourcesTest.class.getResourceAsStream("/sources/tailscale-status.json").readAllBytes(),
                StandardCharsets.UTF_8);
        SourceSpec spec = new SourceSpec("tailnet", SourceSpec.Type.TAILSCALE, List.of("tailscale"), Duration.ofMinutes(10),
                Duration.ofSeconds(20), Path.of("/settings.conf"), 9);
        SourceOutput output = SourceOutput.read(spec, status, USER);
        assertThat(output.hosts()).extracting(Host::alias)
                .containsExactly("build-box.tail1234.ts.net", "ninas-phone.tail1234.ts.net", "shared-db.other-tailnet.ts.net");
        Map<String, Host> found = output.hosts().stream().collect(Collectors.toMap(Host::alias, host -> host));
        Host build = found.get("build-box.tail1234.ts.net");
        assertThat(build.tags()).containsExactly("server", "ci");
        assertThat(build.source().presence()).isEqualTo(HostSource.Presence.ONLINE);
        assertThat(build.hostname()).isEqualTo("build-box.tail1234.ts.net");
        assertThat(build.description()).isEqualTo("build-box (linux)");
        Host phone = found.get("ninas-phone.tail1234.ts.net");
        assertThat(phone.source().presence()).isEqualTo(HostSource.Presence.OFFLINE);
        assertThat(phone.description()).isEqualTo("Nina's\\x1b[2J Phone (iOS)");
        // the peer without a DNS name is the one refused
        assertThat(output.refusals()).isEqualTo("1 host refused (host 1: no alias)");
        // no user or port from Tailscale: the ssh config's (a Host *.ts.net block) apply
        assertThat(HostOptions.of(output.hosts()).forAlias("build-box.tail1234.ts.net"))
                .containsExactly("-o", "HostName=build-box.tail1234.ts.net");

        String withoutMagicDns = status.replace("\"MagicDNSEnabled\": true", "\"MagicDNSEnabled\": false");
        assertThat(SourceOutput.read(spec, withoutMagicDns, USER).hosts()).extracting(Host::hostname)
                .containsExactly("100.101.2.2", "100.101.3.3", "100.102.4.4");

        String stopped = status.replace("\"BackendState\": \"Running\"", "\"BackendState\": \"Stopped\"");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SourceOutput.read(spec, stopped, USER))
                .hasMessage("tailscale is not running (BackendState 'Stopped')");
    }
}
