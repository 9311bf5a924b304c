package dev.jhosts.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jhosts.config.Locations;
import dev.jhosts.config.Settings;
import dev.jhosts.config.SettingsLoader;
import dev.jhosts.master.ControlDirectory;
import dev.jhosts.catalog.SshOptionsResolver;
import dev.jhosts.master.HostConfigs;
import dev.jhosts.master.HostOptions;
import dev.jhosts.master.Masters;
import dev.jhosts.master.MasterState;
import dev.jhosts.testing.Processes;
import dev.jhosts.testing.Requirements;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo's servers as the system ssh sees them, through the ssh config the demo wrote: each
 * host's way of authenticating, commands on pipes and on a pseudo-terminal with their exit
 * statuses, the jump host and the host behind it, the peer check, and the stuck host's master
 * being stopped. No sshd is involved: the servers are the demo's own.
 */
class DemoServerTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static DemoWorld world;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(ProcFs.available(), "no /proc: the demo runs on Linux only");
        Requirements.requireCommand("ssh", "openssh-client");
        world = DemoWorld.start();
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
    }

    private static Processes.Result ssh(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of("ssh", "-F", world.setup().sshConfig().toString()));
        command.addAll(List.of(args));
        return Processes.run(command, env, LIMIT);
    }

    private static Processes.Result ssh(String... args) {
        return ssh(Map.of(), args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"quick", "slow", "jump", "behind-jump", "stuck"})
    void eachKeyHostRunsACommandAsThisUserInTheScratchHome(String host) {
        Processes.Result result = ssh("-o", "BatchMode=yes", host, "echo \"$JHOSTS_DEMO_HOST:$HOME:$(id -un)\"");
        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(result.stdout().strip()).isEqualTo(host + ":" + world.root().resolve("home") + ":"
                + System.getProperty("user.name"));
    }

    @Test
    void anExecRequestKeepsStdoutAndStderrApartAndReturnsTheExitStatus() {
        Processes.Result result = ssh("quick", "echo to-out; echo to-err >&2; exit 3");
        assertThat(result.exitCode()).as(result.describe()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("to-out\n");
        assertThat(result.stderr()).contains("to-err").doesNotContain("to-out");
    }

    @Test
    void anExecRequestWithATerminalRunsOnAPseudoTerminalWithTheClientsTerm() {
        Processes.Result result = ssh(Map.of("TERM", "vt220"), "-tt", "quick", "tty; echo \"term=$TERM\"; exit 4");
        assertThat(result.exitCode()).as(result.describe()).isEqualTo(4);
        assertThat(result.stdout()).contains("/dev/pts/").contains("term=vt220");
    }

    @Test
    void jhostsConnectRunsACommandThroughAMasterOfTheDemo() {
        List<String> command = List.of(dev.jhosts.testing.SshdFixture.launcher().toString(),
                "-F", world.setup().sshConfig().toString(), "-c", world.setup().settingsFile().toString(),
                "connect", "quick", "--", "echo hi from $JHOSTS_DEMO_HOST; exit 5");
        Processes.Result result = Processes.run(command, world.setup().environment(), LIMIT);
        assertThat(result.exitCode()).as(result.describe()).isEqualTo(5);
        assertThat(result.stdout()).contains("hi from quick");
    }

    @Test
    void theHostBehindTheJumpHostIsReachedThroughItOnly() {
        Processes.Result through = ssh("-o", "BatchMode=yes", "behind-jump", "echo through-jump");
        assertThat(through.exitCode()).as(through.describe()).isZero();
        assertThat(through.stdout()).contains("through-jump");
        Processes.Result direct = ssh("-o", "BatchMode=yes", "-o", "ProxyJump=none", "behind-jump", "echo direct");
        assertThat(direct.exitCode()).as(direct.describe()).isEqualTo(255);
        assertThat(direct.stdout()).doesNotContain("direct");
    }

    @Test
    void theJumpHostForwardsToTheDemosPortsAndNowhereElse() throws IOException {
        int quick = world.ports().get(DemoHost.QUICK);
        Processes.Result demoPort = ssh("-o", "BatchMode=yes", "-W", "127.0.0.1:" + quick, "jump");
        assertThat(demoPort.stdout()).as(demoPort.describe()).startsWith("SSH-2.0-");
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Processes.Result elsewhere = ssh("-o", "BatchMode=yes", "-W", "127.0.0.1:" + other.getLocalPort(), "jump");
            assertThat(elsewhere.exitCode()).as(elsewhere.describe()).isEqualTo(255);
            assertThat(elsewhere.stderr()).contains("open failed");
        }
    }

    @Test
    void thePasswordHostTakesItsPasswordOnly() throws IOException {
        Processes.Result batch = ssh("-o", "BatchMode=yes", "password", "true");
        assertThat(batch.exitCode()).as(batch.describe()).isEqualTo(255);
        assertThat(batch.stderr()).contains("Permission denied");
        assertThat(askingWith("not-" + world.password()).exitCode()).isEqualTo(255);
        Processes.Result right = askingWith(world.password());
        assertThat(right.exitCode()).as(right.describe()).isZero();
        assertThat(right.stdout()).contains("in-with-password");
    }

    /** ssh on the password host with an askpass helper that answers {@code password} (read from a 0600 file). */
    private Processes.Result askingWith(String password) throws IOException {
        Path secret = dir.resolve("secret-" + password.length() + "-" + password.hashCode());
        Files.writeString(Files.createFile(secret, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------"))), password + "\n");
        Path askpass = dir.resolve("askpass-" + password.hashCode());
        Files.writeString(askpass, "#!/bin/sh\ncat '" + secret + "'\n");
        Files.setPosixFilePermissions(askpass, PosixFilePermissions.fromString("rwx------"));
        Map<String, String> env = new HashMap<>();
        env.put("SSH_ASKPASS", askpass.toString());
        env.put("SSH_ASKPASS_REQUIRE", "force");
        return ssh(env, "-o", "NumberOfPasswordPrompts=1", "password", "echo in-with-password");
    }

    @Test
    void anotherUserCannotEvenGetTheBanner() throws Exception {
        assumeTrue(ProcFs.currentUid() == 0, "only root can connect as another user here");
        Requirements.requireCommand("setpriv", "util-linux");
        Requirements.requireCommand("bash", "bash");
        int port = world.ports().get(DemoHost.QUICK);
        String readBanner = "exec 3<>/dev/tcp/127.0.0.1/" + port + " && timeout 5 head -c 8 <&3";
        Processes.Result mine = Processes.run(List.of("bash", "-c", readBanner), Map.of(), LIMIT);
        assertThat(mine.stdout()).as(mine.describe()).isEqualTo("SSH-2.0-");
        Processes.Result other = Processes.run(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                "bash", "-c", readBanner), Map.of(), LIMIT);
        assertThat(other.stdout()).as(other.describe()).isEmpty();
    }

    @Test
    void theStuckHostsMasterIsStoppedSomeSecondsAfterItCameUp() throws Exception {
        Map<String, String> env = world.setup().environment();
        Settings settings = new SettingsLoader(Locations.of(env, Path.of(env.get("HOME"))))
                .loadExplicit(world.setup().settingsFile());
        try (Masters masters = new Masters(settings, world.setup().sshConfig(),
                ControlDirectory.prepare(settings.controlDirectory()),
                new HostConfigs(new SshOptionsResolver(settings.sshBinary(), world.setup().sshConfig()), HostOptions.none()))) {
            MasterState state = masters.start(DemoHost.STUCK.alias()).get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(state).isInstanceOf(MasterState.Live.class);
            long pid = ((MasterState.Live) state).pid();
            long deadline = System.nanoTime() + StuckMasterFreezer.FREEZE_AFTER.plus(LIMIT).toNanos();
            while (!ProcFs.state(pid).orElse("").equals("T") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(ProcFs.state(pid)).as("the stuck master's process state").hasValue("T");
            assertThat(masters.refresh(DemoHost.STUCK.alias())).isInstanceOf(MasterState.Unresponsive.class);
        }
    }
}
