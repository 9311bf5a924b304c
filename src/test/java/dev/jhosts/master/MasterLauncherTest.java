package dev.jhosts.master;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.config.Locations;
import dev.jhosts.config.SettingsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterLauncherTest {
    @TempDir
    Path temp;

    @Test
    void reasonIsSshsLastWordsWithoutDebugChatter() throws Exception {
        Path log = temp.resolve("m.log");
        Files.writeString(log, "debug1: Reading configuration data\n\n"
                + "testuser@127.0.0.1: Permission denied (publickey,password).\n");
        String reason = SshMasterLauncher.reason(log, 255);
        assertThat(reason).isEqualTo("testuser@127.0.0.1: Permission denied (publickey,password).");
        assertThat(SshMasterLauncher.needsPrompt(reason)).isTrue();
    }

    @Test
    void unreachableHostsNeedNoPrompt() throws Exception {
        Path log = temp.resolve("m.log");
        Files.writeString(log, "ssh: connect to host 127.0.0.1 port 1: Connection refused\n");
        String reason = SshMasterLauncher.reason(log, 255);
        assertThat(SshMasterLauncher.needsPrompt(reason)).isFalse();
        assertThat(SshMasterLauncher.needsPrompt("Host key verification failed.")).isTrue();
    }

    @Test
    void anEmptyLogGivesTheExitStatus() throws Exception {
        Path log = Files.createFile(temp.resolve("m.log"));
        assertThat(SshMasterLauncher.reason(log, 255)).isEqualTo("ssh exited with status 255");
    }

    @Test
    void aHostThatConfirmsEachUseGetsAnAskingMasterAndNoBackgroundLaunch() throws Exception {
        SshMasterLauncher launcher = new SshMasterLauncher(
                new SettingsLoader(Locations.of(Map.of("XDG_CONFIG_HOME", temp.toString()), temp)).loadDefault(),
                temp.resolve("ssh_config"));
        MasterTarget target = new MasterTarget("asking", List.of(), "asking");
        ControlPath path = new ControlPath(temp.resolve("sock"), false);
        Path log = temp.resolve("asking.log");
        assertThat(launcher.command(new LaunchRequest(target, List.of(), path, log, new Prompting.OnTerminal(), true)))
                .containsSequence("-o", "ControlMaster=ask").doesNotContain("ControlMaster=yes");
        assertThat(launcher.command(new LaunchRequest(target, List.of(), path, log, new Prompting.OnTerminal(), false)))
                .containsSequence("-o", "ControlMaster=yes");

        LaunchOutcome background = launcher.launch(new LaunchRequest(target, List.of(), path, log, new Prompting.Never(), true));
        assertThat(background).isEqualTo(new LaunchOutcome.Failed(SshMasterLauncher.CONFIRMS_EACH_USE, true));
        assertThat(log).as("ssh was not run").doesNotExist();
    }
}
