package dev.jhosts.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The host key algorithms a probe offers, ordered as sshconnect2.c order_hostkeyalgs orders them. */
class HostKeyAlgorithmsTest {
    private static final List<String> OPENSSH_DEFAULT = List.of(
            "ssh-ed25519-cert-v01@openssh.com", "ecdsa-sha2-nistp256-cert-v01@openssh.com",
            "rsa-sha2-512-cert-v01@openssh.com", "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
            "ecdsa-sha2-nistp521", "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com",
            "rsa-sha2-512", "rsa-sha2-256");

    @Test
    void certificatesAndFidoTypesAreLeftOut() {
        assertThat(HostKeyAlgorithms.forProbe(OPENSSH_DEFAULT, Set.of())).containsExactly(
                "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
                "rsa-sha2-512", "rsa-sha2-256");
    }

    @Test
    void whenTheFirstTypeIsKnownTheOrderStays() {
        assertThat(HostKeyAlgorithms.forProbe(OPENSSH_DEFAULT, Set.of("ssh-ed25519", "ssh-rsa")))
                .startsWith("ssh-ed25519", "ecdsa-sha2-nistp256");
    }

    @Test
    void knownTypesComeFirstInTheirConfiguredOrder() {
        assertThat(HostKeyAlgorithms.forProbe(OPENSSH_DEFAULT, Set.of("ssh-rsa", "ecdsa-sha2-nistp384")))
                .containsExactly("ecdsa-sha2-nistp384", "rsa-sha2-512", "rsa-sha2-256",
                        "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp521");
    }

    @Test
    void anEmptyOrUnusableListFallsBackToWhatJschVerifies() {
        assertThat(HostKeyAlgorithms.forProbe(List.of(), Set.of())).isEqualTo(HostKeyAlgorithms.SUPPORTED);
        assertThat(HostKeyAlgorithms.forProbe(List.of("sk-ssh-ed25519@openssh.com"), Set.of()))
                .isEqualTo(HostKeyAlgorithms.SUPPORTED);
    }

    @Test
    void theUsersRestrictionIsKept() {
        assertThat(HostKeyAlgorithms.forProbe(List.of("rsa-sha2-256"), Set.of("ssh-ed25519")))
                .containsExactly("rsa-sha2-256");
    }
}
