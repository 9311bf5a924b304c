package dev.jhosts.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ssh's own refusal of a config: its lines naming file and line, in both of the forms ssh prints. */
class SshRefusalTest {
    @TempDir
    Path dir;

    @Test
    void theLinesNamingAConfigLineAreKeptAndTheClosingCountIsNot() {
        String stderr = "Pseudo-terminal will not be allocated because stdin is not a terminal.\r\n"
                + "/home/me/.ssh/config line 2: Bad SSH2 cipher spec 'foo'.\n"
                + "/home/me/.ssh/config: line 5: Bad configuration option: bogus\n"
                + "/home/me/.ssh/config: terminating, 2 bad configuration options\n";
        assertThat(SshRefusal.locatedLines(stderr)).containsExactly(
                "/home/me/.ssh/config line 2: Bad SSH2 cipher spec 'foo'.",
                "/home/me/.ssh/config: line 5: Bad configuration option: bogus");
        assertThat(SshOptionsResolver.complaint(stderr)).isEqualTo("/home/me/.ssh/config line 2: Bad SSH2 cipher spec 'foo'.; "
                + "/home/me/.ssh/config: line 5: Bad configuration option: bogus");
        assertThat(SshOptionsResolver.complaint("ssh: Could not resolve hostname x\n")).isEqualTo("ssh: Could not resolve hostname x");
    }

    @Test
    void theRealSshRefusesABadMacListWhicheverHostItIsAskedAbout() throws Exception {
        Path config = Files.writeString(dir.resolve("config"), "Host a\n  HostName 127.0.0.1\nHost other\n  MACs nonesuch\n");
        assertThat(SshRefusal.check("ssh", config, "a", Duration.ofSeconds(30)))
                .containsExactly(config + " line 4: Bad SSH2 MAC spec 'nonesuch'.");
        Files.writeString(config, "Host a\n  HostName 127.0.0.1\n");
        assertThat(SshRefusal.check("ssh", config, "a", Duration.ofSeconds(30))).isEmpty();
        assertThat(SshRefusal.check("ssh", dir.resolve("missing"), List.of(), Duration.ofSeconds(30))).isEmpty();
    }
}
