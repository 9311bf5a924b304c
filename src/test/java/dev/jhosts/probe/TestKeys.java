package dev.jhosts.probe;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/** Public key blobs in SSH wire format for matcher tests: the type string, then seeded bytes. */
final class TestKeys {
    private TestKeys() {}

    static byte[] blob(String type, int seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        string(out, type.getBytes(StandardCharsets.US_ASCII));
        byte[] body = new byte[32];
        new Random(seed).nextBytes(body);
        string(out, body);
        return out.toByteArray();
    }

    /** {@code type base64} as a known_hosts line carries a key. */
    static String text(String type, int seed) {
        return type + " " + Base64.getEncoder().encodeToString(blob(type, seed));
    }

    private static void string(ByteArrayOutputStream out, byte[] bytes) {
        out.write(bytes.length >>> 24);
        out.write(bytes.length >>> 16);
        out.write(bytes.length >>> 8);
        out.write(bytes.length);
        out.write(bytes, 0, bytes.length);
    }
}
