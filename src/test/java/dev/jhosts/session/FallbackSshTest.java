package dev.jhosts.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.mux.MuxClient;
import dev.jhosts.testing.SshdFixture;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FallbackSshTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    @Test
    void commandLineCarriesConfigControlOptionsAndCommand() {
        FallbackSsh ssh = new FallbackSsh("ssh", Path.of("/cfg"), Path.of("/run/j/abc"), Duration.ofMinutes(5), List.of());
        assertThat(ssh.processBuilder("web", List.of("ls", "-l")).command()).containsExactly(
                "ssh", "-F", "/cfg", "-o", "ControlMaster=auto", "-o", "ControlPath=/run/j/abc",
                "-o", "ControlPersist=300", "--", "web", "ls", "-l");
        assertThat(new FallbackSsh("ssh", Path.of("/cfg"), Path.of("/s"), Duration.ZERO, List.of())
                .processBuilder("web", List.of()).command()).contains("ControlPersist=yes").endsWith("--", "web");
        assertThat(new FallbackSsh("ssh", Path.of("/cfg"), Path.of("/s%h"), Duration.ofMinutes(1),
                List.of("-o", "HostName=10.0.0.5")).processBuilder("lab", List.of()).command())
                .contains("ControlPath=/s%%h").containsSubsequence("-o", "HostName=10.0.0.5", "--", "lab");
        assertThat(new FallbackSsh("ssh", Path.of("/cfg"), Path.of("/s"), Duration.ofMillis(1500), List.of())
                .processBuilder("web", List.of()).command()).contains("ControlPersist=2");
        assertThat(ssh.confirmingEachUse().processBuilder("web", List.of()).command())
                .as("a host set to ask keeps asking through the master it becomes")
                .contains("ControlMaster=autoask").doesNotContain("ControlMaster=auto");
    }

    @Test
    void theSshItRunsBecomesTheMasterForLaterSessions() throws Exception {
        Path socket = SSHD.dir().resolve("fb.sock");
        Path out = SSHD.dir().resolve("fb.out");
        FallbackSsh ssh = new FallbackSsh("ssh", SSHD.sshConfig(), socket, Duration.ofSeconds(60), List.of());
        Process process = ssh.processBuilder(SshdFixture.HOST, List.of("echo fallback; exit 6"))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(SSHD.dir().resolve("fb.err").toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(6);
        assertThat(Files.readString(out)).isEqualTo("fallback\n");

        try (MuxClient client = MuxClient.connect(socket, Duration.ofSeconds(20))) {
            long pid = client.aliveCheck();
            assertThat(ProcessHandle.of(pid)).isPresent();
            client.terminate();
        }
    }
}
