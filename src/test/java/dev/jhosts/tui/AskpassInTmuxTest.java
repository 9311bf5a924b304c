package dev.jhosts.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import dev.jhosts.testing.Tmux;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Prompts answered inside the picker: a key passphrase (no agent) and an unknown host key, through
 * jhosts' askpass helper, landing in a bridge session; the secret is nowhere it must not be.
 */
class AskpassInTmuxTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    private static final String PASSPHRASE = "q7-Secret-Passphrase-" + ProcessHandle.current().pid();

    private Tmux tmux;

    @AfterEach
    void stop() {
        if (tmux != null) {
            tmux.close();
        }
        for (String host : List.of("locked", "stranger")) {
            SSHD.jhosts(Duration.ofSeconds(30), "-F", SSHD.dir().resolve("askpass_config").toString(), "master", "exit", host);
        }
    }

    private Path config() throws IOException {
        Path key = SSHD.dir().resolve("locked_key");
        if (!Files.exists(key)) {
            Processes.Result keygen = Processes.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", PASSPHRASE,
                    "-f", key.toString()), Map.of(), Duration.ofSeconds(30));
            assertThat(keygen.exitCode()).as(keygen.describe()).isZero();
            Files.writeString(SSHD.authorizedKeys(), Files.readString(Path.of(key + ".pub")),
                    java.nio.file.StandardOpenOption.APPEND);
        }
        Path strangers = SSHD.dir().resolve("stranger_known_hosts");
        Files.writeString(strangers, "");
        String locked = SSHD.hostOptions().replace("IdentityFile " + SSHD.clientKey(), "IdentityFile " + key)
                + "  IdentityAgent none\n";
        String stranger = SSHD.hostOptions().replaceAll("UserKnownHostsFile \\S+", "UserKnownHostsFile " + strangers)
                .replace("StrictHostKeyChecking yes", "StrictHostKeyChecking ask").replace("  HostName 127.0.0.1", "  HostName localhost");
        return SSHD.writeSshConfig("askpass_config", "Host locked\n" + locked + "Host stranger\n" + stranger);
    }

    private void start(Path config) throws IOException {
        Path settings = SSHD.dir().resolve("askpass.conf");
        Files.writeString(settings, "prelaunch-delay = 1m\n");
        Map<String, String> env = new TreeMap<>(SSHD.jhostsEnv());
        env.put("TERM", "xterm-256color");
        env.put("LANG", "C.UTF-8");
        env.put("PS1", "$ ");
        tmux = Tmux.start(140, 32, env, SshdFixture.launcher().toAbsolutePath() + " --debug -F " + config + " -c " + settings
                + "; echo \"jhosts exited $?\"; exec sleep 600");
        tmux.waitFor("3 shown");
    }

    @Test
    void aPassphraseAskedInThePickerOpensABridgeSessionAndIsNeverWrittenAnywhere() throws Exception {
        Path config = config();
        start(config);
        tmux.type("locked");
        tmux.waitFor("1 shown");
        tmux.keys("Enter");
        String screen = tmux.waitFor("Enter passphrase for key");
        assertThat(screen).contains("ssh asks, for locked:");
        tmux.type(PASSPHRASE);
        screen = tmux.waitFor("•".repeat(PASSPHRASE.length()));
        assertThat(screen).doesNotContain(PASSPHRASE);
        tmux.keys("Enter");
        tmux.waitUntil(s -> java.util.regex.Pattern.compile("(?m)^\\S+@\\S+[#$] ?$").matcher(s).find(), "the remote prompt");
        tmux.type("echo =$((6*7))=\r");
        tmux.waitFor("=42=");

        // a bridge session: no ssh client holds the picker's terminal
        Processes.Result onTty = Processes.run(List.of("ps", "-o", "comm=", "-t", tmux.paneTty()), Map.of(),
                Duration.ofSeconds(10));
        assertThat(onTty.stdout().lines().map(String::strip).toList()).as(onTty.describe()).doesNotContain("ssh").isNotEmpty();
        assertNowhere(PASSPHRASE);
        tmux.type("exit\r");
        tmux.waitFor("session ended");
        Processes.Result check = SSHD.jhosts(Duration.ofSeconds(30), "-F", config.toString(), "master", "check", "locked");
        assertThat(check.exitCode()).as(check.describe()).isZero();
        assertNowhere(PASSPHRASE);
    }

    @Test
    void anUnknownHostKeyIsShownWithItsFingerprintAndYesRecordsIt() throws Exception {
        Path config = config();
        start(config);
        String fingerprint = Processes.run(List.of("ssh-keygen", "-lf", SSHD.dir().resolve("host_ed25519.pub").toString()),
                Map.of(), Duration.ofSeconds(10)).stdout().split("\\s+")[1];
        tmux.type("stranger");
        tmux.waitFor("1 shown");
        tmux.keys("Enter");
        String screen = tmux.waitFor("Are you sure you want to continue connecting");
        assertThat(screen).contains(fingerprint);
        tmux.type("no");
        tmux.keys("Enter");
        tmux.waitFor("stranger:");
        tmux.waitUntil(s -> !s.contains("ssh asks"), "the dialog closed");
        assertThat(Files.readString(SSHD.dir().resolve("stranger_known_hosts"))).isEmpty();

        tmux.keys("Enter");
        tmux.waitFor("Are you sure you want to continue connecting");
        tmux.type("yes");
        tmux.keys("Enter");
        tmux.waitUntil(s -> java.util.regex.Pattern.compile("(?m)^\\S+@\\S+[#$] ?$").matcher(s).find(), "the remote prompt");
        tmux.type("exit\r");
        tmux.waitFor("session ended");
        assertThat(Files.readString(SSHD.dir().resolve("stranger_known_hosts"))).contains("ssh-ed25519");
    }

    @Test
    void yesTypedRightAfterEnterIsTheAnswerToTheHostKeyQuestionThatFollows() throws Exception {
        Path config = config();
        start(config);
        tmux.type("stranger");
        tmux.waitFor("1 shown");
        // one burst: "yes" and its Enter arrive while jhosts shows "connecting", before ssh asks
        tmux.keys("Enter", "y", "e", "s", "Enter");
        tmux.waitUntil(s -> java.util.regex.Pattern.compile("(?m)^\\S+@\\S+[#$] ?$").matcher(s).find()
                || s.contains("verification failed"), "the remote prompt");
        String screen = tmux.screen();
        assertThat(screen).doesNotContain("verification failed");
        assertThat(Files.readString(SSHD.dir().resolve("stranger_known_hosts"))).contains("ssh-ed25519");
        tmux.type("exit\r");
        tmux.waitFor("session ended");
    }

    /** The secret is in no file of the test's directories and in no process's command line or environment. */
    private static void assertNowhere(String secret) throws IOException {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SSHD.dir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (contains(Files.readAllBytes(file), needle)) {
                    found.add(file.toString());
                }
            }
        }
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                for (String part : List.of("cmdline", "environ")) {
                    try {
                        if (contains(Files.readAllBytes(process.resolve(part)), needle)) {
                            found.add(process.resolve(part).toString());
                        }
                    } catch (IOException gone) {
                        // the process ended meanwhile
                    }
                }
            }
        }
        assertThat(found).as("places holding the secret").isEmpty();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
