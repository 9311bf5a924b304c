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

    @Test
    void aPickerThatEndedLeavesNoDescriptorOfItsTerminalInTheServer() throws IOException {
        Map<String, String> env = new TreeMap<>(SSHD.jhostsEnv());
        env.put("TERM", "xterm-256color");
        Tmux tmux = Tmux.start(100, 30, env, "exec bash --norc --noprofile");
        terminals.add(tmux);
        String tty = tmux.paneTty();
        String picker = SshdFixture.launcher().toAbsolutePath() + " -F " + SSHD.sshConfig();
        for (int i = 0; i < 3; i++) {
            tmux.type(picker + "; echo \"picker $? ended\"");
            tmux.keys("Enter");
            tmux.waitFor("Enter connect");
            tmux.keys("Escape");
            tmux.waitFor("picker 0 ended");
            tmux.type("clear");
            tmux.keys("Enter");
            tmux.waitUntil(screen -> !screen.contains("ended"), "the screen cleared");
        }
        Processes.Result status = SSHD.jhosts(LIMIT, "server", "status");
        assertThat(status.exitCode()).as(status.describe()).isZero();
        long pid = Long.parseLong(status.stdout().replaceAll("(?s)^pid (\\d+),.*$", "$1"));
        assertThat(descriptorsOf(pid, tty)).as("the server's descriptors of " + tty).isEmpty();
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
