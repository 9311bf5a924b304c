package dev.jhosts.bench;

import dev.jhosts.testing.FleetConfig;
import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code jhosts run true} on 20 and on 100 hosts whose masters are live, against the same
 * number of {@code ssh -o ControlPath=DIR/%C HOST true} through the same masters, run in
 * parallel ({@code xargs -P}) and one after another, all measured in the same run; then the
 * peak memory (VmHWM) of the jhosts process for 100 hosts, and one {@code jhosts connect HOST
 * true} against one {@code ssh HOST true} on a live master (the price of the JVM start).
 */
public final class RunBench {
    /** sshd listens on at most 16 sockets (MAX_LISTEN_SOCKS). */
    private static final int PORTS_PER_SERVER = 16;
    private static final int HOSTS = 100;

    public static void main(String[] args) throws Exception {
        List<SshdFixture> servers = new ArrayList<>();
        for (int made = 0; made < HOSTS; made += PORTS_PER_SERVER) {
            servers.add(new SshdFixture(Math.min(PORTS_PER_SERVER, HOSTS - made) - 1).start());
        }
        SshdFixture first = servers.get(0);
        Path config = new FleetConfig(servers.toArray(SshdFixture[]::new)).write("run_bench_config");
        Map<String, String> env = first.jhostsEnv();
        Path directory = Path.of(env.get("XDG_RUNTIME_DIR"), "jhosts");
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < HOSTS; i++) {
            hosts.add("h" + i);
        }
        try {
            List<String> start = new ArrayList<>(List.of(SshdFixture.launcher().toString(), "-F", config.toString(),
                    "master", "start"));
            start.addAll(hosts);
            long t0 = System.nanoTime();
            Processes.Result started = Processes.run(start, env, Duration.ofMinutes(5));
            System.out.printf("started %d masters in %.1f s (exit %d)%n", HOSTS, (System.nanoTime() - t0) / 1e9,
                    started.exitCode());
            for (int count : new int[] {20, 100}) {
                compare(config, env, directory, hosts.subList(0, count), count == 20 ? 10 : 5);
            }
            peakMemory(config, env, hosts);
            perCall(config, env, directory);
        } finally {
            for (String host : hosts) {
                Processes.run(List.of(SshdFixture.launcher().toString(), "-F", config.toString(), "master", "exit", host),
                        env, Duration.ofSeconds(30));
            }
            servers.forEach(SshdFixture::stop);
        }
    }

    private static void compare(Path config, Map<String, String> env, Path directory, List<String> hosts, int runs)
            throws IOException, InterruptedException {
        int n = hosts.size();
        List<String> jhosts = new ArrayList<>(List.of(SshdFixture.launcher().toString(), "-F", config.toString(), "run",
                "--parallel", Integer.toString(n)));
        jhosts.addAll(hosts);
        jhosts.addAll(List.of("--", "true"));
        List<String> jhostsDefault = new ArrayList<>(jhosts);
        jhostsDefault.subList(4, 6).clear();
        String ssh = "ssh -F " + config + " -o ControlMaster=no -o ControlPath=" + directory + "/%C";
        String list = String.join(" ", hosts);
        List<String> parallel = List.of("sh", "-c", "printf '%s\\n' " + list + " | xargs -P " + n + " -I{} " + ssh + " {} true");
        List<String> sequential = List.of("sh", "-c", "for h in " + list + "; do " + ssh + " $h true; done");
        System.out.println("== " + n + " hosts, live masters, command: true");
        Timing.Figure run = Timing.time("jhosts run --parallel " + n, 2, runs, jhosts, env);
        Timing.Figure runDefault = Timing.time("jhosts run (default --parallel 16)", 1, runs, jhostsDefault, env);
        Timing.Figure xargs = Timing.time(n + " x ssh -S, xargs -P " + n, 2, runs, parallel, env);
        Timing.Figure loop = Timing.time(n + " x ssh -S, one after another", 1, runs, sequential, env);
        for (Timing.Figure figure : List.of(run, runDefault, xargs, loop)) {
            System.out.println(figure.line());
        }
        System.out.println(run.ratioTo(xargs));
        System.out.println(run.ratioTo(loop));
    }

    /** VmHWM of the jhosts JVM while it runs true on every host (polled: the high-water mark only grows). */
    private static void peakMemory(Path config, Map<String, String> env, List<String> hosts)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SshdFixture.launcher().toString(), "-F", config.toString(), "run",
                "--parallel", Integer.toString(hosts.size())));
        command.addAll(hosts);
        command.addAll(List.of("--", "echo $SSH_CONNECTION"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        Process process = builder.start();
        long peakKb = 0;
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        while (process.isAlive()) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        peakKb = Math.max(peakKb, Long.parseLong(line.replaceAll("\\D", "")));
                    }
                }
            } catch (IOException gone) {
                break;
            }
            Thread.sleep(10);
        }
        process.waitFor();
        System.out.printf("peak memory (VmHWM) of jhosts run on %d hosts: %.1f MiB (exit %d)%n", hosts.size(),
                peakKb / 1024.0, process.exitValue());
    }

    /** One call: jhosts connect pays the JVM start that plain ssh on the same master does not. */
    private static void perCall(Path config, Map<String, String> env, Path directory)
            throws IOException, InterruptedException {
        List<String> connect = List.of(SshdFixture.launcher().toString(), "-F", config.toString(), "connect", "h0", "--", "true");
        List<String> ssh = List.of("ssh", "-F", config.toString(), "-o", "ControlMaster=no", "-o",
                "ControlPath=" + directory + "/%C", "h0", "true");
        System.out.println("== one command on one host with a live master");
        Timing.Figure viaJhosts = Timing.time("jhosts connect h0 -- true", 2, 15, connect, env);
        Timing.Figure viaSsh = Timing.time("ssh -S socket h0 true", 2, 15, ssh, env);
        System.out.println(viaJhosts.line());
        System.out.println(viaSsh.line());
        System.out.println(viaJhosts.ratioTo(viaSsh));
    }
}
