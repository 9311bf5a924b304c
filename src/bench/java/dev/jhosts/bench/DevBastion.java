package dev.jhosts.bench;

import dev.jhosts.testing.JumpConfig;
import dev.jhosts.testing.SshdFixture;
import java.nio.file.Path;
import java.util.Map;

/**
 * Not a benchmark: a bastion and a target sshd on 127.0.0.1, and an ssh config with three hosts
 * behind the bastion and a two-hop chain, for trying jump hosts by hand
 * ({@code src/bench/run DevBastion}); runs until interrupted.
 */
public final class DevBastion {
    public static void main(String[] args) throws Exception {
        SshdFixture bastion = new SshdFixture(1).start();
        SshdFixture target = new SshdFixture(2).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            target.stop();
            bastion.stop();
        }));
        Path config = new JumpConfig(bastion, target)
                .host("hop2", bastion, bastion.extraPort(0), "")
                .behind("web1", -1, "bastion")
                .behind("web2", 0, "bastion")
                .behind("web3", 1, "bastion")
                .behind("deep", -1, "bastion,hop2")
                .write("dev_bastion_config");
        StringBuilder env = new StringBuilder();
        for (Map.Entry<String, String> entry : target.jhostsEnv().entrySet()) {
            env.append(entry.getKey()).append('=').append(entry.getValue()).append(' ');
        }
        System.out.println("bastion sshd log: " + bastion.dir().resolve("sshd.log"));
        System.out.println("try:");
        System.out.println("  " + env + SshdFixture.launcher() + " -F " + config);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
