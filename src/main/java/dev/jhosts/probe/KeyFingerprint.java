package dev.jhosts.probe;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * A public host key named as OpenSSH names it.
 *
 * @param type the key type inside the key blob ({@code ssh-ed25519}, {@code ssh-rsa},
 *     {@code ecdsa-sha2-nistp256}…)
 * @param fingerprint {@code SHA256:} and the unpadded base64 of the SHA-256 of the blob, exactly
 *     as {@code ssh-keygen -l} prints it (sshkey.c fingerprint_b64 strips the '=' padding)
 */
public record KeyFingerprint(String type, String fingerprint) {

    /** The fingerprint of an SSH wire-format public key blob. */
    public static KeyFingerprint of(byte[] blob) {
        return new KeyFingerprint(typeOf(blob).orElse("unknown"), sha256(blob));
    }

    static String sha256(byte[] blob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The key type string a blob starts with (RFC 4253 §6.6: string type, then the key's fields). */
    static Optional<String> typeOf(byte[] blob) {
        if (blob.length < 4) {
            return Optional.empty();
        }
        int length = ByteBuffer.wrap(blob, 0, 4).getInt();
        if (length <= 0 || length > 64 || length > blob.length - 4) {
            return Optional.empty();
        }
        return Optional.of(new String(blob, 4, length, StandardCharsets.US_ASCII));
    }
}
