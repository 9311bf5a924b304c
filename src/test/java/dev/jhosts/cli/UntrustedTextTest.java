package dev.jhosts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Host names from the command line are checked before ssh runs, by every subcommand; text that
 * came from the command line or a file reaches the terminal escaped, never as control characters
 * (an OSC title sequence, a colour) that the terminal would obey.
 */
class UntrustedTextTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String TITLE = "\u001b]2;PWNED\u0007";

    @TempDir
    Path dir;

    private Map<String, String> env;
    private Path config;

    @BeforeEach
    void prepare() throws IOException {
        Path run = Files.createDirectory(dir.resolve("run"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        env = Map.of("HOME", Files.createDirectory(dir.resolve("home")).toString(), "XDG_RUNTIME_DIR", run.toString(),
                "XDG_CONFIG_HOME", Files.createDirectory(dir.resolve("config")).toString(),
                "XDG_STATE_HOME", Files.createDirectory(dir.resolve("state")).toString());
        config = Files.writeString(dir.resolve("ssh_config"), "Host web\n  HostName 127.0.0.1\n  Port 1\n"
                + "Host a" + TITLE + "b\n  HostName q\n"
                + "Host painted\n  HostName h\u001b[31mx\n  User u" + TITLE + "\n");
    }

    private Processes.Result jhosts(String... args) {
        List<String> command = new ArrayList<>(List.of(SshdFixture.launcher().toString(), "-F", config.toString()));
        command.addAll(List.of(args));
        return Processes.run(command, env, LIMIT);
    }

    private static void assertEscaped(String text, Processes.Result result) {
        assertThat(text).as(result.describe()).doesNotContain("\u001b", "\u0007").contains("\\x1b");
    }

    @Test
    void probeRefusesAHostNameWithControlCharactersAsAUsageError() {
        Processes.Result probe = jhosts("probe", "a" + TITLE + "b");
        assertThat(probe.exitCode()).as(probe.describe()).isEqualTo(2);
        assertThat(probe.stderr()).hasLineCount(1).contains("probe: host name 'a\\x1b]2;PWNED\\x07b'");
        assertEscaped(probe.stderr(), probe);
        assertThat(probe.stdout()).isEmpty();
    }

    @Test
    void runRefusesAHostNameWithASpaceAsAUsageError() {
        Processes.Result run = jhosts("run", "a b", "--", "true");
        assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
        assertThat(run.stderr()).hasLineCount(1).contains("run: host name 'a b' contains a space");

        Processes.Result escaped = jhosts("run", "web", "a" + TITLE + "b", "--", "true");
        assertThat(escaped.exitCode()).as(escaped.describe()).isEqualTo(2);
        assertEscaped(escaped.stderr(), escaped);
    }

    @Test
    void aBadForwardSpecificationIsEchoedEscaped() {
        Processes.Result forward = jhosts("forward", "web", "-D", "80\u001b]2;T\u000782:h:22");
        assertThat(forward.exitCode()).as(forward.describe()).isEqualTo(2);
        assertThat(forward.stderr()).contains("'80\\x1b]2;T\\x0782:h:22'");
        assertEscaped(forward.stderr(), forward);
    }

    @Test
    void listShowsTheConfigsControlCharactersEscaped() {
        Processes.Result list = jhosts("list");
        assertThat(list.exitCode()).as(list.describe()).isZero();
        assertThat(list.stderr()).contains("Host a\\x1b]2;PWNED\\x07b is not listed");
        assertEscaped(list.stderr(), list);
        assertThat(list.stdout()).contains("painted  h\\x1b[31mx").contains("u\\x1b]2;PWNED\\x07");
        assertEscaped(list.stdout(), list);
    }
}
