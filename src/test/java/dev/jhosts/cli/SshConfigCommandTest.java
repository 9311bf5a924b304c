package dev.jhosts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.FleetConfig;
import dev.jhosts.testing.JumpConfig;
import dev.jhosts.testing.Processes;
import dev.jhosts.testing.Requirements;
import dev.jhosts.testing.SshdFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With the {@code jhosts ssh-config} snippet included, plain ssh finds the masters jhosts made
 * (with and without ProxyJump, on the installed OpenSSH), and scp through one copies a file
 * byte for byte with no new authentication in sshd's log.
 */
class SshConfigCommandTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture(1);

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @AfterEach
    void endMasters() throws Exception {
        Path config = config();
        for (String host : List.of("jh", "h1", "h0")) {
            jhosts(config, "master", "exit", "--force", host);
        }
    }

    /** h0 and h1 (two ports of one sshd), and jh: h1 reached through h0 (ProxyJump). */
    private static Path config() throws Exception {
        FleetConfig fleet = new FleetConfig(SSHD);
        return fleet.with(fleet.host("jh", fleet.port(1), "  ProxyJump h0\n")).write("snippet_base_config");
    }

    private static Processes.Result jhosts(Path config, String... args) {
        List<String> command = new ArrayList<>(List.of("-F", config.toString()));
        command.addAll(List.of(args));
        return SSHD.jhosts(LIMIT, command.toArray(String[]::new));
    }

    private static Processes.Result ssh(Path config, String... args) {
        List<String> command = new ArrayList<>(List.of("ssh", "-F", config.toString()));
        command.addAll(List.of(args));
        return Processes.run(command, Map.of(), LIMIT);
    }

    /** The base config with the snippet included at its end, as the snippet's comments say. */
    private static Path including(Path base, String snippet) throws Exception {
        Path file = SSHD.dir().resolve("jhosts_snippet.conf");
        Files.writeString(file, snippet);
        Path config = SSHD.dir().resolve("with_snippet_config");
        Files.writeString(config, Files.readString(base) + "\nMatch all\nInclude " + file + "\n");
        return config;
    }

    @Test
    void plainSshFindsTheMastersJhostsMadeWithAndWithoutProxyJump() throws Exception {
        Path base = config();
        assertThat(jhosts(base, "master", "start", "h0", "jh").exitCode()).isZero();
        Processes.Result snippet = jhosts(base, "ssh-config");
        assertThat(snippet.exitCode()).as(snippet.describe()).isZero();
        Path runDirectory = Path.of(SSHD.jhostsEnv().get("XDG_RUNTIME_DIR"), "jhosts");
        assertThat(snippet.stdout()).contains("Host *\n  ControlMaster auto\n  ControlPath " + runDirectory + "/%C\n"
                + "  ControlPersist 600s\n");
        Path withSnippet = including(base, snippet.stdout());

        for (String host : List.of("h0", "jh")) {
            Processes.Result check = ssh(withSnippet, "-O", "check", host);
            assertThat(check.exitCode()).as(host + ": " + check.describe()).isZero();
            assertThat(check.stderr()).contains("Master running");
        }
        // The snippet names jh's socket exactly when this ssh's %C for it is not jhosts' name
        // (OpenSSH before 9.6 leaves ProxyJump out of %C).
        Processes.Result percentC = ssh(base, "-G", "-o", "ControlPath=" + runDirectory + "/%C", "jh");
        String sshName = percentC.stdout().lines().filter(line -> line.startsWith("controlpath ")).findFirst()
                .orElseThrow().substring("controlpath ".length());
        Processes.Result listed = jhosts(base, "master", "list", "--json");
        boolean sameName = listed.stdout().contains("\"socket\":\"" + sshName + "\"");
        assertThat(snippet.stdout().contains("\nHost jh\n")).as(snippet.stdout()).isEqualTo(!sameName);
    }

    @Test
    void scpThroughJhostsMasterCopiesByteForByteWithoutANewLogin() throws Exception {
        Requirements.requireCommand("scp", "openssh-client");
        Path base = config();
        assertThat(jhosts(base, "master", "start", "h0").exitCode()).isZero();
        Path withSnippet = including(base, jhosts(base, "ssh-config").stdout());
        long logins = JumpConfig.authentications(SSHD);

        byte[] data = new byte[3 << 20];
        new Random(11).nextBytes(data);
        Path local = Files.write(SSHD.dir().resolve("scp.local"), data);
        Path remote = SSHD.dir().resolve("scp.remote");
        Processes.Result copy = Processes.run(List.of("scp", "-q", "-F", withSnippet.toString(), local.toString(),
                "h0:" + remote), Map.of(), LIMIT);
        assertThat(copy.exitCode()).as(copy.describe()).isZero();
        assertThat(sha256(remote)).isEqualTo(sha256(local));
        Processes.Result viaSsh = ssh(withSnippet, "h0", "sha256sum " + remote);
        assertThat(viaSsh.stdout()).startsWith(sha256(local) + " ");
        assertThat(JumpConfig.authentications(SSHD) - logins).as("new authentications at sshd").isZero();
    }

    @Test
    void jhostsWithTheSnippetIncludedUsesTheSameNames() throws Exception {
        Path base = config();
        Path withSnippet = including(base, jhosts(base, "ssh-config").stdout());
        assertThat(jhosts(withSnippet, "master", "start", "h1", "jh").exitCode()).isZero();
        for (String host : List.of("h1", "jh")) {
            Processes.Result check = ssh(withSnippet, "-O", "check", host);
            assertThat(check.exitCode()).as(host + ": " + check.describe()).isZero();
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
