package dev.jhosts.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.JhostsServers;
import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import dev.jhosts.testing.Tmux;
import java.io.IOException;
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
 * The server gives every client's terminal back for good: once a picker shown on a terminal
 * has ended, the server holds no descriptor of that terminal (a server that kept them would
 * run out of descriptors after enough pickers, and keep closed terminals' devices alive).
 */
class ServerTerminalsReleasedTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private final List<Tmux> terminals = new ArrayList<>();

    @AfterEach
    void stop() {
        terminals.forEach(Tmux::close);
        JhostsServers.stopAll(controlDirectory());
    }

    private static Path controlDirectory() {
        return Path.of(SSHD.jhostsEnv().get("XDG_RUNTIME_DIR"), "jhosts");
    }

    /** A shell in a terminal of its own. */
    private Tmux shell() {
        Map<String, String> env = new TreeMap<>(SSHD.jhostsEnv());
        env.put("TERM", "xterm-256color");
        Tmux tmux = Tmux.start(100, 30, env, "exec bash --norc --noprofile");
        terminals.add(tmux);
        return tmux;
    }

    /** The picker shown in {@code tmux}'s shell, quit with Esc, and the screen cleared. */
    private static void showAndQuitPicker(Tmux tmux) {
        tmux.type(SshdFixture.launcher().toAbsolutePath() + " -F " + SSHD.sshConfig() + "; echo \"picker $? ended\"");
        tmux.keys("Enter");
        tmux.waitFor("Enter connect");
        tmux.keys("Escape");
        tmux.waitFor("picker 0 ended");
        tmux.type("clear");
        tmux.keys("Enter");
        tmux.waitUntil(screen -> !screen.contains("ended"), "the screen cleared");
    }

    private static long serverPid() {
        Processes.Result status = SSHD.jhosts(LIMIT, "server", "status");
        assertThat(status.exitCode()).as(status.describe()).isZero();
        return Long.parseLong(status.stdout().replaceAll("(?s)^pid (\\d+),.*$", "$1"));
    }

    @Test
    void aPickerThatEndedLeavesNoDescriptorOfItsTerminalInTheServer() throws IOException {
        Tmux tmux = shell();
        String tty = tmux.paneTty();
        for (int i = 0; i < 3; i++) {
            showAndQuitPicker(tmux);
        }
        long pid = serverPid();
        assertThat(descriptorsOf(pid, tty)).as("the server's descriptors of " + tty).isEmpty();
    }

    /**
     * Pickers shown and ended, commands run through the server's masters: each opens socket pairs
     * (a terminal's wake-up, a command's streams) that must all be closed again.
     */
    @Test
    void pickersAndCommandsLeaveNoSocketBehindInTheServer() throws IOException {
        Tmux tmux = shell();
        Runnable command = () -> {
            Processes.Result run = SSHD.jhosts(LIMIT, "-F", SSHD.sshConfig().toString(), "run", "-n", SshdFixture.HOST,
                    "--", "true");
            assertThat(run.exitCode()).as(run.describe()).isZero();
        };
        // the first of each: the server, its master and what they keep for good
        showAndQuitPicker(tmux);
        command.run();
        long pid = serverPid();
        List<String> before = socketsOf(pid);
        for (int i = 0; i < 3; i++) {
            showAndQuitPicker(tmux);
            command.run();
        }
        assertThat(socketsOf(pid)).as("the server's sockets after three more pickers and commands").hasSameSizeAs(before);
    }

    private static List<String> socketsOf(long pid) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path descriptor : (Iterable<Path>) descriptors::iterator) {
                try {
                    String target = Files.readSymbolicLink(descriptor).toString();
                    if (target.startsWith("socket:")) {
                        found.add(descriptor.getFileName() + " " + target);
                    }
                } catch (IOException closed) {
                    // closed meanwhile
                }
            }
        }
        return found;
    }

    private static List<String> descriptorsOf(long pid, String device) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path descriptor : (Iterable<Path>) descriptors::iterator) {
                try {
                    if (Files.readSymbolicLink(descriptor).toString().equals(device)) {
                        found.add(descriptor.getFileName().toString());
                    }
                } catch (IOException closed) {
                    // closed meanwhile
                }
            }
        }
        return found;
    }
}
