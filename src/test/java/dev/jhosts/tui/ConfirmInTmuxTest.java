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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ControlMaster autoask: the master jhosts makes asks the picker before each new client — its own
 * bridge session, and a plain {@code ssh -S} from elsewhere; yes lets the client in, no and Esc
 * refuse it; once the picker has quit, every confirmation is refused at once. The master's token
 * is in its own environment only, and a wrong one gets nothing.
 */
class ConfirmInTmuxTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    private static final Pattern REMOTE_PROMPT = Pattern.compile("(?m)^\\S+@\\S+[#$] ?$");

    private Tmux tmux;
    private Path config;

    @AfterEach
    void stop() {
        if (tmux != null) {
            tmux.close();
        }
        if (config != null) {
            // not "master exit": an autoask master asks before it terminates, and nobody answers now
            SSHD.jhosts(Duration.ofSeconds(30), "-F", config.toString(), "master", "kill", "asking");
        }
    }

    private void start() throws IOException {
        config = SSHD.writeSshConfig("confirm_config", "Host asking\n" + SSHD.hostOptions() + "  ControlMaster autoask\n");
        Path settings = SSHD.dir().resolve("confirm.conf");
        Files.writeString(settings, "prelaunch-delay = 1m\n");
        Map<String, String> env = new TreeMap<>(SSHD.jhostsEnv());
        env.put("TERM", "xterm-256color");
        env.put("LANG", "C.UTF-8");
        env.put("PS1", "$ ");
        // no askpass of the user's to fall back to: without the picker, confirmations are refused
        env.put("DISPLAY", "");
        env.put("WAYLAND_DISPLAY", "");
        env.put("SSH_ASKPASS", "");
        tmux = Tmux.start(140, 32, env, SshdFixture.launcher().toAbsolutePath() + " --debug -F " + config + " -c " + settings
                + "; echo \"jhosts exited $?\"; exec sleep 600");
        tmux.waitFor("2 shown");
    }

    /** A plain ssh from "another terminal" that can only succeed through the master (its own connection would fail). */
    private CompletableFuture<Processes.Result> plainSsh(Path socket) {
        return CompletableFuture.supplyAsync(() -> Processes.run(List.of("ssh", "-F", config.toString(),
                "-S", socket.toString(), "-o", "ControlMaster=no", "-o", "ProxyCommand=false", "asking", "true"),
                Map.of(), Duration.ofSeconds(60)));
    }

    @Test
    void eachNewClientOfTheMasterIsConfirmedInThePickerAndRefusedOnceThePickerIsGone() throws Exception {
        start();
        tmux.type("asking");
        tmux.waitFor("1 shown");
        tmux.keys("Enter");
        // jhosts' own session is a new client too: the user confirms it, once per Enter
        String screen = tmux.waitFor("Allow shared connection to");
        assertThat(screen).contains("ssh asks, for asking:").contains("y: allow");
        tmux.type("y");
        tmux.waitUntil(s -> REMOTE_PROMPT.matcher(s).find(), "the remote prompt");
        tmux.type("exit\r");
        tmux.waitFor("session ended");

        Path socket = masterSocket();
        long pid = masterPid();

        // (a) yes: the plain ssh rides the master
        CompletableFuture<Processes.Result> allowed = plainSsh(socket);
        tmux.waitFor("Allow shared connection to");
        tmux.type("y");
        Processes.Result yes = allowed.get(60, TimeUnit.SECONDS);
        assertThat(yes.exitCode()).as(yes.describe()).isZero();
        tmux.waitUntil(s -> !s.contains("ssh asks"), "the dialog closed");

        // (b) Esc and n: the master refuses; ssh's own connection cannot stand in for it here
        for (String refusal : List.of("Escape", "n")) {
            CompletableFuture<Processes.Result> refused = plainSsh(socket);
            tmux.waitFor("Allow shared connection to");
            tmux.keys(refusal);
            Processes.Result no = refused.get(60, TimeUnit.SECONDS);
            assertThat(no.exitCode()).as(no.describe()).isNotZero();
            assertThat(no.stderr()).as(no.describe()).contains("Master refused session request: Permission denied");
            tmux.waitUntil(s -> !s.contains("ssh asks"), "the dialog closed");
        }

        // the master's token: in the master's own environment, in nobody's command line or other environment
        Map<String, String> masterEnv = environmentOf(pid);
        String token = masterEnv.get("JHOSTS_ASKPASS_TOKEN");
        assertThat(token).as("the master's environment").isNotBlank();
        assertThat(placesHolding(token)).containsExactly("/proc/" + pid + "/environ");

        // a helper with another token gets nothing, and nothing is asked
        Path helper = SshdFixture.launcher().toAbsolutePath().resolveSibling("jhosts-askpass");
        Processes.Result wrong = Processes.run(List.of(helper.toString(), "Allow shared connection to 127.0.0.1? "),
                Map.of("JHOSTS_ASKPASS_SOCKET", masterEnv.get("JHOSTS_ASKPASS_SOCKET"),
                        "JHOSTS_ASKPASS_TOKEN", "0".repeat(token.length()), "SSH_ASKPASS_PROMPT", "confirm"),
                Duration.ofSeconds(30));
        assertThat(wrong.exitCode()).as(wrong.describe()).isEqualTo(1);
        assertThat(wrong.stdout()).isEmpty();

        // (c) the picker quits; the master lives on, and its confirmations are refused without waiting
        for (int i = 0; i < 5 && !tmux.screen().contains("jhosts exited"); i++) {
            tmux.keys("Escape");
            Thread.sleep(300);
        }
        tmux.waitFor("jhosts exited 0");
        assertThat(ProcessHandle.of(pid)).as("the master outlives the picker").isPresent();
        Processes.Result gone = plainSsh(socket).get(60, TimeUnit.SECONDS);
        assertThat(gone.exitCode()).as(gone.describe()).isNotZero();
        assertThat(gone.stderr()).as(gone.describe()).contains("Master refused session request: Permission denied");
    }

    /** The one master socket in jhosts' control directory (named by %C: 40 hex digits). */
    private static Path masterSocket() throws IOException {
        try (Stream<Path> files = Files.list(SSHD.dir().resolve("run").resolve("jhosts"))) {
            List<Path> sockets = files.filter(path -> path.getFileName().toString().matches("[0-9a-f]{40}")).toList();
            assertThat(sockets).hasSize(1);
            return sockets.get(0);
        }
    }

    private long masterPid() {
        Processes.Result check = SSHD.jhosts(Duration.ofSeconds(30), "-F", config.toString(), "master", "check", "asking");
        assertThat(check.exitCode()).as(check.describe()).isZero();
        java.util.regex.Matcher pid = Pattern.compile("(\\d+)").matcher(check.stdout() + check.stderr());
        assertThat(pid.find()).as(check.describe()).isTrue();
        return Long.parseLong(pid.group(1));
    }

    private static Map<String, String> environmentOf(long pid) throws IOException {
        Map<String, String> env = new TreeMap<>();
        byte[] raw = Files.readAllBytes(Path.of("/proc/" + pid + "/environ"));
        for (String entry : new String(raw, StandardCharsets.UTF_8).split("\0")) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                env.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        return env;
    }

    /** Every /proc/PID/cmdline and /proc/PID/environ that holds {@code secret}. */
    private static List<String> placesHolding(String secret) throws IOException {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        List<String> found = new ArrayList<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                for (String part : List.of("cmdline", "environ")) {
                    read(process.resolve(part)).filter(bytes -> contains(bytes, needle))
                            .ifPresent(bytes -> found.add(process.resolve(part).toString()));
                }
            }
        }
        return found;
    }

    private static Optional<byte[]> read(Path file) {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException gone) {
            return Optional.empty(); // the process ended meanwhile, or is not ours to read
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }
}
