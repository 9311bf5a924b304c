package dev.jhosts.bench;

import dev.jhosts.testing.SshdFixture;
import java.util.Map;

/**
 * Not a benchmark: starts the test fixture's sshd on 127.0.0.1 for trying jhosts by hand, prints
 * how to point jhosts at it, and runs until interrupted ({@code src/bench/run DevSshd}).
 */
public final class DevSshd {
    public static void main(String[] args) throws Exception {
        SshdFixture sshd = new SshdFixture().start();
        Runtime.getRuntime().addShutdownHook(new Thread(sshd::stop));
        StringBuilder env = new StringBuilder();
        for (Map.Entry<String, String> entry : sshd.jhostsEnv().entrySet()) {
            env.append(entry.getKey()).append('=').append(entry.getValue()).append(' ');
        }
        System.out.println("sshd on 127.0.0.1:" + sshd.port() + "; try:");
        System.out.println("  " + env + SshdFixture.launcher() + " -F " + sshd.sshConfig());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
