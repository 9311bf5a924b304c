package dev.jhosts.demo;

import java.security.SecureRandom;

/**
 * The password host's password: made up for each run, short enough to type, and shown in the
 * host's description (the demo's servers accept only this user, so it guards nothing another
 * user could reach).
 */
final class DemoPassword {
    /** Letters and digits that cannot be mistaken for one another. */
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final int LENGTH = 8;

    private DemoPassword() {}

    static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
