package dev.jhosts.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** OpenSSH's ssh-keygen, as the reference for fingerprints and hashed known_hosts files. */
final class SshKeygen {
    private static final Duration LIMIT = Duration.ofSeconds(30);

    private SshKeygen() {}

    /** The fingerprint {@code ssh-keygen -lf} prints for a public key file ("256 SHA256:… comment (ED25519)"). */
    static String fingerprint(Path publicKey) {
        Processes.Result listed = Processes.run(List.of("ssh-keygen", "-lf", publicKey.toString()), Map.of(), LIMIT);
        assertThat(listed.exitCode()).as(listed.describe()).isZero();
        return listed.stdout().split(" ")[1];
    }

    /** {@code type base64} of a public key file, as a known_hosts line carries it. */
    static String keyText(Path publicKey) throws Exception {
        String[] fields = Files.readString(publicKey).strip().split(" ");
        return fields[0] + " " + fields[1];
    }

    /** The key blob of a public key file. */
    static byte[] blob(Path publicKey) throws Exception {
        return Base64.getDecoder().decode(Files.readString(publicKey).strip().split(" ")[1]);
    }

    /** A fresh key pair of {@code type} at {@code file} (public half at file.pub). */
    static Path generate(Path file, String type) {
        Processes.Result made = Processes.run(List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-C", "other",
                "-f", file.toString()), Map.of(), LIMIT);
        assertThat(made.exitCode()).as(made.describe()).isZero();
        return Path.of(file + ".pub");
    }

    /** Hashes every host name in a known_hosts file in place ({@code ssh-keygen -H}). */
    static void hash(Path knownHosts) throws Exception {
        Processes.Result hashed = Processes.run(List.of("ssh-keygen", "-H", "-f", knownHosts.toString()), Map.of(), LIMIT);
        assertThat(hashed.exitCode()).as(hashed.describe()).isZero();
        assertThat(Files.readString(knownHosts)).startsWith("|1|");
    }
}
