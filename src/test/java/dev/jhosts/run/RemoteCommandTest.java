package dev.jhosts.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.Processes;
import dev.jhosts.testing.Requirements;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The pid line the wrapped command prints, read back as a real shell prints it. */
class RemoteCommandTest {
    @Test
    void theWrappedCommandPrintsTheShellsPidFirstAndKeepsItsExitStatus() {
        Requirements.requireCommand("sh", "dash");
        Processes.Result result = Processes.run(List.of("sh", "-c", RemoteCommand.wrapped("echo out; exit 7", true)),
                Map.of(), Duration.ofSeconds(20));
        assertThat(result.exitCode()).isEqualTo(7);
        String firstLine = result.stdout().substring(0, result.stdout().indexOf('\n') + 1);
        byte[] bytes = firstLine.getBytes(StandardCharsets.ISO_8859_1);
        OptionalLong pid = RemoteCommand.pidOf(bytes, bytes.length);
        assertThat(pid).isPresent();
        assertThat(result.stdout().substring(firstLine.length())).isEqualTo("out\n");
    }

    @Test
    void withoutHangupTheCommandIsSentAsItIs() {
        assertThat(RemoteCommand.wrapped("uptime", false)).isEqualTo("uptime");
    }

    @Test
    void onlyAMarkerLineGivesAPid() {
        for (String line : List.of("hello\n", "\036jhosts-pid \036\n", "\036jhosts-pid 12x\036\n", "\036jhosts-pid 1\036\n",
                "\036jhosts-pid 42\036", "jhosts-pid 42\n")) {
            byte[] bytes = line.getBytes(StandardCharsets.ISO_8859_1);
            assertThat(RemoteCommand.pidOf(bytes, bytes.length)).as(line).isEmpty();
        }
        byte[] good = "\036jhosts-pid 4242\036\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(RemoteCommand.pidOf(good, good.length)).hasValue(4242);
        assertThat(good.length).isLessThanOrEqualTo(RemoteCommand.MARKER_MAX);
    }

    @Test
    void theHangupCommandSignalsTheProcessGroupThroughSh() {
        assertThat(RemoteCommand.hangupCommand(4242))
                .isEqualTo("sh -c 'kill -s HUP -- -4242 2>/dev/null || kill -s HUP 4242 2>/dev/null; exit 0'");
    }
}
