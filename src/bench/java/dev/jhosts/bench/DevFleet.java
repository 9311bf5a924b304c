package dev.jhosts.bench;

import dev.jhosts.testing.FleetConfig;
import dev.jhosts.testing.SshdFixture;
import java.nio.file.Path;
import java.util.Map;

/**
 * Not a benchmark: one sshd on six ports as hosts h0…h5 (tags "even"/"odd", group "fleet") and
 * a host "ghost" where nothing listens, for trying {@code jhosts run}, the marks and forwards by
 * hand ({@code src/bench/run DevFleet}); runs until interrupted.
 */
public final class DevFleet {
    public static void main(String[] args) throws Exception {
        SshdFixture sshd = new SshdFixture(5).start();
        Runtime.getRuntime().addShutdownHook(new Thread(sshd::stop));
        Path config = new FleetConfig(sshd).write("fleet_config");
        StringBuilder env = new StringBuilder();
        for (Map.Entry<String, String> entry : sshd.jhostsEnv().entrySet()) {
            env.append(entry.getKey()).append('=').append(entry.getValue()).append(' ');
        }
        System.out.println("sshd on 127.0.0.1, hosts h0-h5 and ghost; try:");
        System.out.println("  " + env + SshdFixture.launcher().toAbsolutePath() + " -F " + config);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
