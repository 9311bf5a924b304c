package dev.jhosts.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

/**
 * The demo's keys, made fresh for each run: the servers' host key and the user's key, both
 * ECDSA P-256 (which the JDK makes and every OpenSSH reads, without the extra library MINA needs
 * for Ed25519). The user key is written in OpenSSH's format for {@code IdentityFile}; the host key
 * stays in memory, and its public half goes into the demo's known_hosts.
 */
record DemoKeys(KeyPair host, KeyPair user) {
    private static final String CURVE = "secp256r1";

    static DemoKeys generate() throws GeneralSecurityException {
        return new DemoKeys(generateOne(), generateOne());
    }

    private static KeyPair generateOne() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(CURVE));
        return generator.generateKeyPair();
    }

    /** Without the private keys. */
    @Override
    public String toString() {
        return "the demo's host and user keys";
    }

    /** Whether {@code offered} is the demo user's public key. */
    boolean isUserKey(PublicKey offered) {
        return KeyUtils.compareKeys(user.getPublic(), offered);
    }

    /** Writes the user's private key to {@code file}, created 0600. */
    void writeUserKey(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(Files.createFile(file,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                StandardOpenOption.WRITE)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(user, "jhosts-demo", null, out);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot encode the demo's user key: " + e.getMessage(), e);
        }
    }

    /** A known_hosts line for the host key at {@code [127.0.0.1]:port}. */
    String knownHostsLine(int port) {
        return "[" + DemoServer.ADDRESS + "]:" + port + " " + PublicKeyEntry.toString(host.getPublic());
    }
}
