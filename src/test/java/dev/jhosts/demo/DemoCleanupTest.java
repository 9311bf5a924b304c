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
import dev.jhosts.testing.Requirements;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What {@link DemoWorld#close()} leaves: no directory, no master (a stopped one included), no
 * process of a session still running at the end (on pipes and on a pseudo-terminal, with a
 * background job), no process that names the demo's directory.
 */
class DemoCleanupTest {
    private static final long LIMIT_SECONDS = 30;

    @Test
    void closingEndsEveryProcessTheDemoCausedAndRemovesItsDirectory() throws Exception {
        assumeTrue(ProcFs.available(), "no /proc: the demo runs on Linux only");
        Requirements.requireCommand("ssh", "openssh-client");
        DemoWorld world = DemoWorld.start();
        List<Process> clients = new ArrayList<>();
        List<Long> pids = new ArrayList<>();
        try {
            Path root = world.root();
            Map<String, String> env = world.setup().environment();
            Settings settings = new SettingsLoader(Locations.of(env, Path.of(env.get("HOME"))))
                    .loadExplicit(world.setup().settingsFile());
            Masters masters = new Masters(settings, world.setup().sshConfig(),
                    ControlDirectory.prepare(settings.controlDirectory()),
                    new HostConfigs(new SshOptionsResolver(settings.sshBinary(), world.setup().sshConfig()), HostOptions.none()));
            for (DemoHost host : List.of(DemoHost.QUICK, DemoHost.BEHIND_JUMP)) {
                MasterState state = masters.start(host.alias()).get(LIMIT_SECONDS, TimeUnit.SECONDS);
                assertThat(state).as(host.alias()).isInstanceOf(MasterState.Live.class);
                pids.add(((MasterState.Live) state).pid());
            }
            masters.close();
            // a master that no longer runs: only SIGCONT lets it act on SIGTERM
            assertThat(Signals.send(pids.get(0), Signals.SIGSTOP)).isTrue();
            clients.add(session(world, "echo started; sleep 300 & echo $!; wait"));
            clients.add(session(world, "-tt", "echo started; sleep 301 & echo $!; wait"));
            for (Process client : clients) {
                BufferedReader out = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                assertThat(out.readLine()).as("the session's first line").contains("started");
                pids.add(Long.parseLong(out.readLine().strip()));
            }
            assertThat(pids).allSatisfy(pid -> assertThat(running(pid)).as("pid %d before the end", pid).isTrue());
            assertThat(new ProcessSweep(root.toString(), ProcFs.currentUid(), java.time.Instant.EPOCH).find())
                    .as("processes naming the demo's directory").isNotEmpty();

            world.close();

            assertThat(Files.exists(root)).as("the demo's directory").isFalse();
            for (long pid : pids) {
                assertThat(running(pid)).as("pid %d after the end", pid).isFalse();
            }
            assertThat(new ProcessSweep(root.toString(), ProcFs.currentUid(), java.time.Instant.EPOCH).find())
                    .as("processes naming the demo's directory").isEmpty();
            for (Process client : clients) {
                assertThat(client.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)).as("the ssh client ends with the server")
                        .isTrue();
            }
        } finally {
            world.close();
            clients.forEach(Process::destroyForcibly);
        }
    }

    private static Process session(DemoWorld world, String... arguments) throws java.io.IOException {
        List<String> command = new ArrayList<>(List.of("ssh", "-F", world.setup().sshConfig().toString(),
                "-o", "BatchMode=yes", "-o", "ControlPath=none"));
        List<String> rest = new ArrayList<>(List.of(arguments));
        String remote = rest.remove(rest.size() - 1);
        command.addAll(rest);
        command.add("quick");
        command.add(remote);
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Whether {@code pid} runs (a zombie waiting for its parent does not). */
    private static boolean running(long pid) {
        return ProcFs.state(pid).map(state -> !state.equals("Z") && !state.equals("X")).orElse(false);
    }
}
