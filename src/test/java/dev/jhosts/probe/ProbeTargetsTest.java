package dev.jhosts.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.catalog.EffectiveOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Targets from ssh -G output: known_hosts files, HostKeyAlias, and the transport ssh would use. */
class ProbeTargetsTest {
    private static final Path HOME = Path.of("/home/u");

    private static EffectiveOptions options(Map<String, List<String>> options) {
        return new EffectiveOptions("web", options);
    }

    @Test
    void filesAliasAlgorithmsAndTheName() {
        ProbeTarget target = new ProbeTargets(jump -> Optional.empty(), HOME).forHost(options(Map.of(
                "hostname", List.of("Web.Example"),
                "port", List.of("2222"),
                "userknownhostsfile", List.of("/home/u/.ssh/known_hosts ~/.ssh/known_hosts2"),
                "globalknownhostsfile", List.of("/etc/ssh/ssh_known_hosts /etc/ssh/ssh_known_hosts2"),
                "hostkeyalgorithms", List.of("ssh-ed25519,rsa-sha2-512"))));
        assertThat(target.knownHostsFiles()).containsExactly(Path.of("/home/u/.ssh/known_hosts"),
                Path.of("/home/u/.ssh/known_hosts2"), Path.of("/etc/ssh/ssh_known_hosts"),
                Path.of("/etc/ssh/ssh_known_hosts2"));
        assertThat(target.hostKeyAlgorithms()).containsExactly("ssh-ed25519", "rsa-sha2-512");
        assertThat(target.knownHostsName()).isEqualTo("[web.example]:2222");
        assertThat(target.transport()).isEqualTo(new Transport.Direct());
    }

    @Test
    void portTwentyTwoAndHostKeyAlias() {
        ProbeTargets targets = new ProbeTargets(jump -> Optional.empty(), HOME);
        assertThat(targets.forHost(options(Map.of("hostname", List.of("h")))).knownHostsName()).isEqualTo("h");
        assertThat(targets.forHost(options(Map.of("hostname", List.of("h"), "port", List.of("2222"),
                "hostkeyalias", List.of("lab")))).knownHostsName()).isEqualTo("lab");
    }

    @Test
    void aJumpHostIsReachedThroughTheLastHopsLiveMaster() {
        List<String> asked = new ArrayList<>();
        ProbeTargets targets = new ProbeTargets(jump -> {
            asked.add(jump);
            return Optional.of(Path.of("/run/j.sock"));
        }, HOME);
        ProbeTarget target = targets.forHost(options(Map.of("hostname", List.of("inner"),
                "proxyjump", List.of("outer,admin@[10.0.0.2]:2222"))));
        assertThat(asked).containsExactly("admin@[10.0.0.2]:2222");
        assertThat(target.transport()).isEqualTo(new Transport.ThroughMaster("admin@[10.0.0.2]:2222", Path.of("/run/j.sock")));
        assertThat(target.via()).hasValue("admin@[10.0.0.2]:2222");
    }

    @Test
    void noLiveJumpMasterOrAProxyCommandMeansNoProbe() {
        ProbeTargets targets = new ProbeTargets(jump -> Optional.empty(), HOME);
        assertThat(targets.forHost(options(Map.of("proxyjump", List.of("bastion")))).transport())
                .isEqualTo(new Transport.Unavailable("jump host bastion has no live master"));
        assertThat(targets.forHost(options(Map.of("proxycommand", List.of("nc %h %p")))).transport())
                .isInstanceOf(Transport.Unavailable.class);
        assertThat(targets.forHost(options(Map.of("proxyjump", List.of("none")))).transport())
                .isEqualTo(new Transport.Direct());
    }
}
