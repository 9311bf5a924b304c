package dev.jhosts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The sources setting from the command line: hosts of inventories listed, connected to, and exported for Ansible. */
class SourcesCommandTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Processes.Result jhosts(Path sshConfig, Path settings, String... args) {
        List<String> command = new ArrayList<>(List.of(SshdFixture.launcher().toString(), "-F", sshConfig.toString(),
                "-c", settings.toString()));
        command.addAll(List.of(args));
        Map<String, String> env = new HashMap<>(SSHD.jhostsEnv());
        env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        env.put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
        return Processes.run(command, env, LIMIT);
    }

    private Path script(String name, String body) throws IOException {
        Files.createDirectories(dir.resolve("bin"));
        Path script = dir.resolve("bin").resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private Path file(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    /** The fixture's client options for every host, without HostName, Port and User: those come from the source. */
    private Path wildcardConfig(String extra) throws IOException {
        String common = SSHD.hostOptions().lines()
                .filter(line -> !line.strip().startsWith("HostName") && !line.strip().startsWith("Port")
                        && !line.strip().startsWith("User "))
                .collect(Collectors.joining("\n"));
        return file("ssh_config", extra + "Host *\n" + common + "\n");
    }

    @Test
    void aSourcesHostConnectsThroughAMasterAndRunsWithItsTag() throws Exception {
        String user = System.getProperty("user.name");
        Path inventory = script("inventory", "echo '{\"alias\": \"inventoried\", \"hostname\": \"127.0.0.1\", \"port\": "
                + SSHD.port() + ", \"user\": \"" + user + "\", \"tags\": [\"lab\"]}'");
        Path settings = file("jhosts.conf", "sources = [ { name = \"lab\", command = [\"" + inventory + "\"] } ]\n");
        Path config = wildcardConfig("");
        try {
            Processes.Result connect = jhosts(config, settings, "connect", "inventoried", "--", "echo", "through-$((6*7))");
            assertThat(connect.exitCode()).as(connect.describe()).isZero();
            assertThat(connect.stdout()).isEqualTo("through-42\n");
            assertThat(connect.stderr()).isEmpty();
            Processes.Result check = jhosts(config, settings, "master", "check", "inventoried");
            assertThat(check.exitCode()).as(check.describe()).isZero();
            Processes.Result run = jhosts(config, settings, "run", "--tag", "lab", "--", "echo", "ran-here");
            assertThat(run.exitCode()).as(run.describe()).isZero();
            assertThat(run.stdout()).contains("inventoried").contains("ran-here");
        } finally {
            jhosts(config, settings, "master", "exit", "inventoried");
        }
    }

    @Test
    void aFakeTailscaleOnPathGivesTheTailnetsPeers() throws Exception {
        Path sample = dir.resolve("status.json");
        try (InputStream in = SourcesCommandTest.class.getResourceAsStream("/sources/tailscale-status.json")) {
            Files.write(sample, in.readAllBytes());
        }
        script("tailscale", "[ \"$*\" = 'status --json' ] || { echo \"unexpected arguments: $*\" >&2; exit 64; }\ncat '"
                + sample + "'");
        Path settings = file("tailnet.conf", "sources = [ { name = \"tailnet\", type = tailscale } ]\n"
                + "hosts = [ { alias = \"build-box.tail1234.ts.net\", favourite = true, group = \"CI\" } ]\n");
        Path config = wildcardConfig("");
        Processes.Result list = jhosts(config, settings, "list", "--json");
        assertThat(list.exitCode()).as(list.describe()).isZero();
        assertThat(list.stdout()).contains("\"alias\":\"build-box.tail1234.ts.net\",\"hostname\":\"build-box.tail1234.ts.net\"")
                .contains("\"tags\":[\"server\",\"ci\"],\"group\":\"CI\",\"description\":\"build-box (linux)\",\"favourite\":true")
                .contains("\"source\":\"tailnet\",\"online\":true")
                .contains("\"alias\":\"ninas-phone.tail1234.ts.net\"")
                .contains("Nina's\\\\x1b[2J Phone (iOS)")
                .contains("\"source\":\"tailnet\",\"online\":false")
                .doesNotContain("\u001b");
        // the peer without a DNS name: one warning naming the source
        assertThat(list.stderr()).isEqualTo("jhosts: warning: source tailnet: 1 host refused (host 1: no alias)\n");
    }

    @Test
    void aFailingSourceIsOneWarningAndNothingElseIsLost() throws Exception {
        Path failing = script("failing", "echo 'cmdb: connection refused' >&2\nexit 3");
        Path good = script("good", "echo '[{\"alias\": \"good1\", \"hostname\": \"10.0.0.1\"},"
                + " {\"alias\": \"testhost\", \"hostname\": \"10.9.9.9\"}]'");
        Path settings = file("two.conf", "sources = [\n  { name = \"cmdb\", command = [\"" + failing + "\"] }\n"
                + "  { name = \"good\", command = [\"" + good + "\"] }\n]\n");
        Processes.Result list = jhosts(SSHD.sshConfig(), settings, "list");
        assertThat(list.exitCode()).as(list.describe()).isZero();
        assertThat(list.stderr()).isEqualTo("jhosts: warning: source cmdb: exited with status 3: cmdb: connection refused\n");
        // the ssh config's testhost stays the ssh config's: the source's address for that alias is not used
        assertThat(list.stdout().lines().toList()).hasSize(2);
        assertThat(list.stdout()).containsPattern("(?m)^testhost +127\\.0\\.0\\.1 ").containsPattern("(?m)^good1 +10\\.0\\.0\\.1 ")
                .doesNotContain("10.9.9.9");
        // a command about one host runs only a source that never answered: the failing one, one warning again
        Processes.Result check = jhosts(SSHD.sshConfig(), settings, "master", "check", "good1");
        assertThat(check.exitCode()).as(check.describe()).isEqualTo(1);
        assertThat(check.stderr().lines().filter(line -> line.contains("source")).toList())
                .containsExactly("jhosts: warning: source cmdb: exited with status 3: cmdb: connection refused");
        assertThat(check.stderr()).contains("good1: no master running");
    }

    @Test
    void listAnsibleIsADynamicInventoryRidingTheSameOptions() throws Exception {
        Path inventory = script("inventory", "printf '%s\\n' '{\"alias\": \"web1\", \"hostname\": \"10.0.0.5\", \"user\": \"deploy\","
                + " \"port\": 2222, \"tags\": [\"prod\", \"web-tier\"], \"group\": \"Front end\"}'"
                + " '{\"alias\": \"db1\", \"hostname\": \"10.0.0.6\", \"proxyjump\": \"bastion\", \"tags\": [\"prod\"]}'"
                + " '{\"alias\": \"lone\"}'");
        Path settings = file("ansible.conf", "sources = [ { name = \"cmdb\", command = [\"" + inventory + "\"] } ]\n"
                + "hosts = [ { alias = \"testhost\", tags = [\"all\"] } ]\n");
        Processes.Result result = jhosts(SSHD.sshConfig(), settings, "list", "--ansible");
        assertThat(result.exitCode()).as(result.describe()).isZero();
        ConfigObject inventoryJson = ConfigFactory.parseString(result.stdout(),
                ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON)).root();
        ConfigObject hostvars = (ConfigObject) ((ConfigObject) inventoryJson.get("_meta")).get("hostvars");
        assertThat(hostvars.keySet()).containsExactlyInAnyOrder("testhost", "web1", "db1", "lone");
        ConfigObject web = (ConfigObject) hostvars.get("web1");
        assertThat(web.get("ansible_ssh_common_args").unwrapped())
                .isEqualTo("-o HostName=10.0.0.5 -o User=deploy -o Port=2222");
        assertThat(web.get("jhosts_source").unwrapped()).isEqualTo("cmdb");
        assertThat(((ConfigObject) hostvars.get("db1")).get("ansible_ssh_common_args").unwrapped())
                .isEqualTo("-o HostName=10.0.0.6 -o ProxyJump=bastion");
        // a host of the ssh config is reached by its alias, which ssh reads the config for
        assertThat(((ConfigObject) hostvars.get("testhost")).containsKey("ansible_ssh_common_args")).isFalse();
        assertThat(members(inventoryJson, "prod")).containsExactly("web1", "db1");
        assertThat(members(inventoryJson, "web_tier")).containsExactly("web1");
        assertThat(members(inventoryJson, "Front_end")).containsExactly("web1");
        assertThat(members(inventoryJson, "jhosts_all")).containsExactly("testhost");
        assertThat(members(inventoryJson, "ungrouped")).containsExactly("lone");
        assertThat(((ConfigList) ((ConfigObject) inventoryJson.get("all")).get("children")).unwrapped())
                .containsExactly("Front_end", "jhosts_all", "prod", "web_tier", "ungrouped");
        Processes.Result both = jhosts(SSHD.sshConfig(), settings, "list", "--ansible", "--json");
        assertThat(both.exitCode()).isEqualTo(2);
    }

    private static List<Object> members(ConfigObject inventory, String group) {
        return ((ConfigList) ((ConfigObject) inventory.get(group)).get("hosts")).unwrapped();
    }

    @Test
    void aBadSourceEntryIsOneLineWithFileAndLine() throws Exception {
        Map<String, String> cases = Map.of(
                "sources = [\n  { name = \"x\", commnd = [\"a\"] }\n]\n",
                ":2: sources: unknown key 'commnd' (known: name, type, command, refresh, timeout)",
                "sources = [\n  { name = \"x\" }\n]\n",
                ":2: sources: source x needs command = [\"program\", \"argument\", ...] (or type = tailscale)",
                "sources = [\n  { name = \"-x y\", type = tailscale }\n]\n",
                ":2: sources: name '-x y' must be a word of letters, digits, '.', '_' and '-' (at most 64, not starting with '-')",
                "sources = [\n  { name = \"t\", type = tailscale, refresh = 1s }\n]\n",
                ":2: sources: refresh must be from 10s to 30d, got '1s'",
                "sources = [\n  { name = \"t\", type = tailscale }\n  { name = \"t\", command = [\"x\"] }\n]\n",
                ":3: sources: the name 't' is taken by the source at line 2",
                "sources = [ { name = \"t\", type = zeroconf } ]\n",
                ":1: sources: type must be command or tailscale, got 'zeroconf'");
        for (Map.Entry<String, String> entry : cases.entrySet()) {
            Path settings = file("bad.conf", entry.getKey());
            Processes.Result result = jhosts(SSHD.sshConfig(), settings, "list");
            assertThat(result.exitCode()).as(result.describe()).isEqualTo(2);
            assertThat(result.stdout()).isEmpty();
            assertThat(result.stderr()).isEqualTo("jhosts: " + settings + entry.getValue() + "\n");
        }
    }
}
