package dev.jhosts.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.OtpBastion;
import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import dev.jhosts.testing.Tmux;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A bastion that asks for a one-time code (keyboard-interactive, MINA SSHD) with hosts behind it
 * (the machine's sshd): one dialog, wrong code then right, then every host comes up through the
 * bastion's master without another question.
 */
class OtpBastionInTmuxTest {
    @RegisterExtension
    static final SshdFixture TARGET = new SshdFixture(1);

    private Tmux tmux;
    private OtpBastion bastion;

    @AfterEach
    void stop() throws Exception {
        if (tmux != null) {
            tmux.close();
        }
        for (String host : new String[] {"t1", "t2", "bastion"}) {
            TARGET.jhosts(Duration.ofSeconds(30), "-F", TARGET.dir().resolve("otp_config").toString(),
                    "master", "exit", "--force", host);
        }
        if (bastion != null) {
            bastion.close();
        }
    }

    @Test
    void oneCodeForTheBastionBringsEveryHostBehindItUp() throws Exception {
        String code = "493" + (ProcessHandle.current().pid() % 1000);
        bastion = OtpBastion.start(TARGET.dir(), code);
        Path knownHosts = TARGET.dir().resolve("otp_known_hosts");
        Files.writeString(knownHosts, bastion.knownHostsLine() + "[127.0.0.1]:" + TARGET.port() + ",[127.0.0.1]:"
                + TARGET.extraPort(0) + " " + Files.readString(TARGET.dir().resolve("host_ed25519.pub")));
        String common = "  User " + System.getProperty("user.name") + "\n  UserKnownHostsFile " + knownHosts
                + "\n  GlobalKnownHostsFile /dev/null\n  StrictHostKeyChecking yes\n  BatchMode yes\n";
        String target = "  HostName 127.0.0.1\n  IdentityFile " + TARGET.clientKey() + "\n  IdentitiesOnly yes\n"
                + "  ProxyJump bastion\n" + common;
        Path config = TARGET.dir().resolve("otp_config");
        Files.writeString(config, "Host bastion\n  HostName 127.0.0.1\n  Port " + bastion.port()
                + "\n  PubkeyAuthentication no\n  PreferredAuthentications keyboard-interactive\n" + common
                + "Host t1\n  Port " + TARGET.port() + "\n" + target
                + "Host t2\n  Port " + TARGET.extraPort(0) + "\n" + target);
        Path settings = TARGET.dir().resolve("otp.conf");
        Files.writeString(settings, "prelaunch-delay = 1m\n");
        Map<String, String> env = new TreeMap<>(TARGET.jhostsEnv());
        env.put("TERM", "xterm-256color");
        env.put("LANG", "C.UTF-8");
        tmux = Tmux.start(140, 32, env, SshdFixture.launcher().toAbsolutePath() + " -F " + config + " -c " + settings
                + "; echo \"jhosts exited $?\"; exec sleep 600");

        tmux.waitFor("3 shown");
        tmux.type("t1");
        tmux.waitFor("1 shown");
        tmux.keys("Enter");
        String screen = tmux.waitFor("Verification code");
        assertThat(screen).contains("ssh asks, for bastion:");
        tmux.type("000000");
        tmux.keys("Enter");
        tmux.waitUntil(s -> s.contains("answer sent") && s.contains("Verification code"), "the bastion asking again");
        tmux.type(code);
        tmux.keys("Enter");
        tmux.waitUntil(s -> java.util.regex.Pattern.compile("(?m)^\\S+@\\S+[#$] ?$").matcher(s).find(), "the shell on t1");
        tmux.type("exit\r");
        tmux.waitFor("session ended");
        assertThat(bastion.logins()).as("bastion logins").isEqualTo(1);
        assertThat(bastion.refusals()).as("wrong codes").isEqualTo(1);

        Processes.Result start = TARGET.jhosts(Duration.ofSeconds(60), "-F", config.toString(), "master", "start", "t2");
        assertThat(start.exitCode()).as(start.describe()).isZero();
        assertThat(bastion.logins()).as("bastion logins after t2").isEqualTo(1);
    }
}
