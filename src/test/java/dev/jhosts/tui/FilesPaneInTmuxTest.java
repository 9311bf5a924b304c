package dev.jhosts.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.SshdFixture;
import dev.jhosts.testing.Tmux;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The files pane in the built picker (tmux) against a real sshd: the host's login directory
 * listed through its master, a file copied down and another up (bytes compared), a folder made,
 * an entry renamed, and a delete that asks first.
 */
class FilesPaneInTmuxTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    /** The test's folder in the remote login directory ('!' sorts it before the others there). */
    private final String remoteName = "!jhosts-files-" + ProcessHandle.current().pid();
    private Path remote;
    private Path local;
    private Tmux tmux;

    @BeforeEach
    void files() throws IOException {
        remote = Files.createDirectories(Path.of(System.getProperty("user.home")).resolve(remoteName));
        local = Files.createDirectories(SSHD.dir().resolve("local-files"));
        Random random = new Random(17);
        byte[] down = new byte[300_000];
        random.nextBytes(down);
        Files.write(remote.resolve("down.bin"), down);
        byte[] up = new byte[200_000];
        random.nextBytes(up);
        Files.write(local.resolve("up.bin"), up);
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (tmux != null) {
            tmux.close();
        }
        SSHD.jhosts(Duration.ofSeconds(30), "-F", SSHD.sshConfig().toString(), "master", "exit", SshdFixture.HOST);
        // what the test may have left in the login directory (the fixture removes its own directory)
        for (String name : new String[] {"down.bin", "down.txt", "up.bin", "big.bin", "made", ""}) {
            Files.deleteIfExists(remote.resolve(name));
        }
    }

    private void start() throws IOException {
        Path settings = SSHD.dir().resolve("files.conf");
        Files.writeString(settings, "prelaunch-delay = 1m\n");
        Map<String, String> env = new TreeMap<>(SSHD.jhostsEnv());
        env.put("TERM", "xterm-256color");
        env.put("LANG", "C.UTF-8");
        tmux = Tmux.start(140, 30, env, "cd " + local + " && " + SshdFixture.launcher().toAbsolutePath() + " -F "
                + SSHD.sshConfig() + " -c " + settings + "; echo \"jhosts exited $?\"; exec sleep 600");
        tmux.waitFor("1 shown");
    }

    @Test
    void xStopsTheCopyUnderWayAndTheFileBeingWrittenIsRemoved() throws IOException {
        // sparse: made at once; its gibibyte still crosses the SSH channel, which takes seconds
        try (RandomAccessFile big = new RandomAccessFile(remote.resolve("big.bin").toFile(), "rw")) {
            big.setLength(1L << 30);
        }
        start();
        tmux.keys("F6");
        tmux.waitUntil(s -> s.contains(remoteName + "/") && s.contains("up.bin"), "both sides listed");
        select(remoteName, true);
        tmux.keys("Enter");
        tmux.waitFor("big.bin");
        tmux.keys("Home");
        tmux.waitUntil(s -> selected(s, "big.bin", true), "big.bin selected");
        tmux.keys("F5");
        tmux.waitFor("MiB of 1.0 GiB");
        tmux.keys("x");
        String screen = tmux.waitFor("copy stopped after");
        assertThat(screen).contains("the file being written was removed");
        assertThat(local.resolve("big.bin")).doesNotExist();
        tmux.keys("x");
        tmux.waitFor("no copy under way");
        tmux.keys("Escape");
        tmux.waitUntil(s -> !s.contains("files: "), "the pane closed");
        tmux.keys("Escape");
        tmux.waitFor("jhosts exited 0");
    }

    /** Whether a line of the screen shows {@code name} selected on the left (remote) or right (local) side. */
    private static boolean selected(String screen, String name, boolean left) {
        return screen.lines().filter(line -> line.contains("│")).anyMatch(line -> {
            int bar = line.indexOf('│');
            String side = left ? line.substring(0, bar) : line.substring(bar + 1).stripLeading();
            return side.startsWith("›") && side.contains(name);
        });
    }

    private static int count(String screen, String text) {
        return screen.split(java.util.regex.Pattern.quote(text), -1).length - 1;
    }

    /** Down until {@code name} is selected on that side, a bounded number of times. */
    private void select(String name, boolean left) {
        for (int i = 0; i < 300 && !selected(tmux.screen(), name, left); i++) {
            tmux.keys("Down");
        }
        tmux.waitUntil(screen -> selected(screen, name, left), name + " selected");
    }

    @Test
    void browseCopyBothWaysMakeRenameAndDeleteWithConfirmation() throws IOException {
        start();
        tmux.keys("F6");
        // the remote side: the login directory, through the master made for the pane; the local
        // side (the client's directory) is listed beside it, in whichever order they come
        String screen = tmux.waitUntil(s -> s.contains(remoteName + "/") && s.contains("up.bin"), "both sides listed");
        assertThat(screen).contains("files: " + SshdFixture.HOST).contains("testhost:" + System.getProperty("user.home"))
                .contains("up.bin");
        select(remoteName, true);
        tmux.keys("Enter");
        tmux.waitFor("down.bin");
        tmux.waitUntil(s -> selected(s, "down.bin", true), "down.bin selected");

        // down: the remote file into the local folder, bytes compared
        tmux.keys("F5");
        tmux.waitFor("copied down: 1 file");
        assertThat(Files.mismatch(remote.resolve("down.bin"), local.resolve("down.bin"))).isEqualTo(-1L);
        tmux.waitUntil(s -> count(s, "down.bin") == 2, "down.bin listed here");

        // up: Tab to the local side, the last entry (up.bin), copied into the remote folder
        tmux.keys("Tab");
        tmux.keys("End");
        tmux.waitUntil(s -> selected(s, "up.bin", false), "up.bin selected here");
        tmux.keys("F5");
        tmux.waitFor("copied up: 1 file");
        assertThat(Files.mismatch(local.resolve("up.bin"), remote.resolve("up.bin"))).isEqualTo(-1L);

        // a folder made on the remote side, then an entry renamed
        tmux.keys("Tab");
        tmux.waitUntil(s -> count(s, "up.bin") == 2, "up.bin listed there");
        tmux.keys("F7");
        tmux.waitFor("new folder:");
        tmux.type("made");
        tmux.keys("Enter");
        tmux.waitFor("made/");
        assertThat(remote.resolve("made")).isDirectory();
        select("down.bin", true);
        tmux.keys("F6");
        tmux.waitFor("new name: down.bin");
        tmux.keys("BSpace", "BSpace", "BSpace");
        tmux.type("txt");
        tmux.keys("Enter");
        tmux.waitFor("renamed to");
        assertThat(remote.resolve("down.txt")).exists();
        assertThat(remote.resolve("down.bin")).doesNotExist();

        // delete asks: anything but y keeps it, y deletes it
        select("up.bin", true);
        tmux.keys("F8");
        tmux.waitFor("(y/N)");
        tmux.type("n");
        tmux.waitFor("delete cancelled");
        assertThat(remote.resolve("up.bin")).exists();
        tmux.keys("F8");
        tmux.waitFor("(y/N)");
        tmux.type("y");
        tmux.waitFor("deleted ");
        assertThat(remote.resolve("up.bin")).doesNotExist();
        assertThat(local.resolve("up.bin")).exists();

        // Esc closes the pane: the list is back
        tmux.keys("Escape");
        tmux.waitUntil(s -> !s.contains("files: "), "the pane closed");
        tmux.keys("Escape");
        tmux.waitFor("jhosts exited 0");
    }
}
