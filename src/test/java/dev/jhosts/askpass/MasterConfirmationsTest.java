package dev.jhosts.askpass;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.catalog.SshOptionsResolver;
import dev.jhosts.config.Locations;
import dev.jhosts.config.Settings;
import dev.jhosts.config.SettingsLoader;
import dev.jhosts.master.ControlDirectory;
import dev.jhosts.master.HostConfigs;
import dev.jhosts.master.HostOptions;
import dev.jhosts.master.MasterState;
import dev.jhosts.master.Masters;
import dev.jhosts.master.SshMasterLauncher;
import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A master of a host with ControlMaster autoask, made by the system ssh through the askpass
 * channel: it is a master all the same, its confirmations come to the channel with ssh's own
 * text for as long as it lives, and its token dies with it. A background launch makes no such
 * master. The helper, with no picker to reach, refuses or asks the user's own askpass.
 */
class MasterConfirmationsTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    @TempDir
    Path temp;

    /** What {@link #ask} gives when nothing listens any more. */
    private static final int NO_SOCKET = -1;

    private final List<PromptRequest> asked = new CopyOnWriteArrayList<>();

    private static Path helper() {
        return SshdFixture.launcher().toAbsolutePath().resolveSibling("jhosts-askpass");
    }

    @Test
    void theMastersConfirmationsComeToTheChannelWhileItLivesAndItsTokenEndsWithIt() throws Exception {
        Path config = SSHD.writeSshConfig("autoask_config", "Host asking\n" + SSHD.hostOptions() + "  ControlMaster autoask\n");
        Settings settings = new SettingsLoader(Locations.of(SSHD.jhostsEnv(), SSHD.dir())).loadDefault();
        HostConfigs hosts = new HostConfigs(new SshOptionsResolver(settings.sshBinary(), config), HostOptions.none());
        Path directory = ControlDirectory.prepare(settings.controlDirectory()).path();
        try (Masters masters = new Masters(settings, config, ControlDirectory.prepare(settings.controlDirectory()), hosts);
             AskpassServer server = new AskpassServer(directory, helper(), asked::add, id -> { })) {
            assertThat(masters.confirmsEachUse("asking")).isTrue();
            assertThat(masters.confirmsEachUse(SshdFixture.HOST)).isFalse();

            MasterState background = masters.start("asking").get(60, TimeUnit.SECONDS);
            assertThat(background).isEqualTo(new MasterState.Failed(SshMasterLauncher.CONFIRMS_EACH_USE, true));
            Path socket = masters.controlPath("asking").socket();
            assertThat(socket).as("nothing was launched").doesNotExist();

            MasterState made = masters.start("asking", server).get(60, TimeUnit.SECONDS);
            assertThat(made).isInstanceOf(MasterState.Live.class);
            long pid = ((MasterState.Live) made).pid();
            assertThat(asked).as("key authentication asks nothing").isEmpty();

            CompletableFuture<Processes.Result> plain = CompletableFuture.supplyAsync(() -> Processes.run(List.of("ssh",
                    "-F", config.toString(), "-S", socket.toString(), "-o", "ControlMaster=no", "-o", "ProxyCommand=false",
                    "asking", "echo", "through-the-master"), Map.of(), Duration.ofSeconds(60)));
            PromptRequest confirm = awaitPromptAfter(-1);
            assertThat(confirm.kind()).isEqualTo(PromptKind.CONFIRM);
            assertThat(confirm.host()).isEqualTo("asking");
            assertThat(confirm.text()).isEqualTo("Allow shared connection to 127.0.0.1? ");
            server.submit(confirm.id());
            Processes.Result result = plain.get(60, TimeUnit.SECONDS);
            assertThat(result.exitCode()).as(result.describe()).isZero();
            assertThat(result.stdout()).contains("through-the-master");

            // the token the master holds is served while it lives...
            Map<String, String> env = environmentOf(pid);
            Path askpassSocket = Path.of(env.get(AskpassMain.SOCKET));
            String token = env.get(AskpassMain.TOKEN);
            assertThat(env).containsEntry("SSH_ASKPASS", helper().toString()).containsEntry("SSH_ASKPASS_REQUIRE", "force");
            CompletableFuture<Integer> byToken = ask(askpassSocket, token);
            PromptRequest again = awaitPromptAfter(confirm.id());
            server.cancel(again.id());
            assertThat(byToken.get(10, TimeUnit.SECONDS)).isEqualTo(AskpassWire.CANCELLED);

            // ...and no longer once it has gone (bounded: the JDK notices a non-child's exit by polling)
            masters.kill(socket, false);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            int status = ask(askpassSocket, token).get(10, TimeUnit.SECONDS);
            while (status != AskpassWire.REFUSED && status != NO_SOCKET && System.nanoTime() < deadline) {
                if (status == AskpassWire.CANCELLED) {
                    throw new AssertionError("asked again before the token ended: " + asked);
                }
                Thread.sleep(50);
                status = ask(askpassSocket, token).get(10, TimeUnit.SECONDS);
            }
            assertThat(status).as("the token of a master that ended").isIn(AskpassWire.REFUSED, NO_SOCKET);
            // the token ends first and the socket right after it, on the thread that ended the session
            while (Files.exists(askpassSocket) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(askpassSocket).as("the socket goes with the last session").doesNotExist();
        }
    }

    /** A helper's request with {@code token}, answered at once unless the server shows it; the status byte. */
    private static CompletableFuture<Integer> ask(Path socket, String token) {
        return CompletableFuture.supplyAsync(() -> {
            try (java.nio.channels.SocketChannel channel = java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
                channel.connect(java.net.UnixDomainSocketAddress.of(socket));
                DataOutputStream out = new DataOutputStream(java.nio.channels.Channels.newOutputStream(channel));
                DataInputStream in = new DataInputStream(java.nio.channels.Channels.newInputStream(channel));
                out.writeInt(AskpassWire.VERSION);
                AskpassWire.writeString(out, token);
                AskpassWire.writeString(out, "Allow shared connection to 127.0.0.1? ");
                AskpassWire.writeString(out, "confirm");
                out.flush();
                return in.readUnsignedByte();
            } catch (java.io.IOException e) {
                return NO_SOCKET;
            }
        });
    }

    @Test
    void withoutThePickerTheHelperRefusesOrAsksTheUsersOwnAskpassWithoutJhostsVariables() throws Exception {
        Path gone = temp.resolve("askpass-gone");
        Processes.Result refused = Processes.run(List.of(helper().toString(), "Allow shared connection to h? "),
                Map.of(AskpassMain.SOCKET, gone.toString(), AskpassMain.TOKEN, "t0ken", "SSH_ASKPASS_PROMPT", "confirm"),
                Duration.ofSeconds(30));
        assertThat(refused.exitCode()).as(refused.describe()).isEqualTo(1);
        assertThat(refused.stdout()).isEmpty();
        assertThat(refused.stderr()).contains("jhosts is not running");

        Path seen = temp.resolve("seen-environment");
        Path own = temp.resolve("own-askpass");
        Files.writeString(own, "#!/bin/sh\nenv > '" + seen + "'\nprintf 'yes\\n'\n");
        Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rwx------"));
        Processes.Result fellBack = Processes.run(List.of(helper().toString(), "Allow shared connection to h? "),
                Map.of(AskpassMain.SOCKET, gone.toString(), AskpassMain.TOKEN, "t0ken", "SSH_ASKPASS_PROMPT", "confirm",
                        AskpassMain.FALLBACK, own.toString(), "SSH_ASKPASS_REQUIRE", "force"),
                Duration.ofSeconds(30));
        assertThat(fellBack.exitCode()).as(fellBack.describe()).isZero();
        assertThat(fellBack.stdout()).isEqualTo("yes\n");
        String environment = Files.readString(seen, StandardCharsets.UTF_8);
        assertThat(environment).contains("SSH_ASKPASS=" + own).contains("SSH_ASKPASS_PROMPT=confirm")
                .doesNotContain("t0ken").doesNotContain("JHOSTS_ASKPASS").doesNotContain("SSH_ASKPASS_REQUIRE");
    }

    @Test
    void theUsersOwnAskpassIsKeptOnlyWhereSshWouldHaveRunIt() {
        Path helper = Path.of("/opt/jhosts/jhosts-askpass");
        assertThat(AskpassServer.fallbackOf(Map.of("SSH_ASKPASS", "/usr/bin/ssh-askpass", "DISPLAY", ":0"), helper))
                .containsExactly(Map.entry(AskpassMain.FALLBACK, "/usr/bin/ssh-askpass"));
        assertThat(AskpassServer.fallbackOf(Map.of("SSH_ASKPASS", "/usr/bin/ssh-askpass", "WAYLAND_DISPLAY", "wayland-0"), helper))
                .isNotEmpty();
        assertThat(AskpassServer.fallbackOf(Map.of("SSH_ASKPASS", "/usr/bin/ksshaskpass", "SSH_ASKPASS_REQUIRE", "force"), helper))
                .isNotEmpty();
        assertThat(AskpassServer.fallbackOf(Map.of("SSH_ASKPASS", "/usr/bin/ssh-askpass"), helper))
                .as("no display: ssh would not have run it").isEmpty();
        assertThat(AskpassServer.fallbackOf(Map.of("SSH_ASKPASS", "/usr/bin/ssh-askpass", "DISPLAY", ":0",
                "SSH_ASKPASS_REQUIRE", "never"), helper)).isEmpty();
        assertThat(AskpassServer.fallbackOf(Map.of("DISPLAY", ":0"), helper)).isEmpty();
        assertThat(AskpassServer.fallbackOf(Map.of("SSH_ASKPASS", helper.toString(), "DISPLAY", ":0"), helper))
                .as("never jhosts' own helper").isEmpty();
    }

    private static Map<String, String> environmentOf(long pid) throws java.io.IOException {
        Map<String, String> env = new TreeMap<>();
        for (String entry : Files.readString(Path.of("/proc/" + pid + "/environ"), StandardCharsets.UTF_8).split("\0")) {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                env.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
        }
        return env;
    }

    private PromptRequest awaitPromptAfter(long previous) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            for (PromptRequest request : asked) {
                if (request.id() > previous) {
                    return request;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no prompt asked; asked: " + asked);
    }
}
