package dev.jhosts.probe;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The host field of a known_hosts line matched as OpenSSH matches it (hostfile.c
 * match_maybe_hashed, match.c match_hostname and match_pattern_list).
 *
 * <ul>
 *   <li>A hashed field {@code |1|salt|hash} matches when HMAC-SHA1(salt, name) is the hash.
 *       Any other field starting with {@code |} is malformed: the line is skipped.
 *   <li>Otherwise a comma-separated list of patterns, {@code *} and {@code ?} wildcards, compared
 *       in lower case. A pattern with {@code !} that matches makes the whole line not match (a
 *       negated match is not a match), whatever the other patterns say.
 *   <li>The name is compared as a whole, brackets and port included: {@code [h]:2222} is matched
 *       by {@code [h]:2222} or {@code [h]:*}, not by {@code h}.
 * </ul>
 */
final class HostPatterns {
    private static final String HASH_MAGIC = "|1|";
    private static final int SHA1_BYTES = 20;
    /** match_pattern_list gives up (no match) on a subpattern this long. */
    private static final int MAX_SUBPATTERN = 1023;

    private HostPatterns() {}

    /** Whether a host field names {@code name}. */
    static Match match(String field, String name) {
        if (field.startsWith("|")) {
            return matchHashed(field, name);
        }
        return matchList(name.toLowerCase(Locale.ROOT), field) == 1 ? Match.YES : Match.NO;
    }

    /** Whether a field is hashed (then it names one host and no pattern). */
    static boolean isHashed(String field) {
        return field.startsWith("|");
    }

    enum Match { YES, NO, MALFORMED }

    private static Match matchHashed(String field, String name) {
        if (!field.startsWith(HASH_MAGIC)) {
            return Match.MALFORMED;
        }
        int delimiter = field.indexOf('|', HASH_MAGIC.length());
        if (delimiter < 0) {
            return Match.MALFORMED;
        }
        byte[] salt;
        byte[] hash;
        try {
            salt = Base64.getDecoder().decode(field.substring(HASH_MAGIC.length(), delimiter));
            hash = Base64.getDecoder().decode(field.substring(delimiter + 1));
        } catch (IllegalArgumentException e) {
            return Match.MALFORMED;
        }
        // extract_salt insists on a salt of exactly the digest's length
        if (salt.length != SHA1_BYTES) {
            return Match.MALFORMED;
        }
        return MessageDigest.isEqual(hmacSha1(salt, name), hash) ? Match.YES : Match.NO;
    }

    /** The hashed host field OpenSSH would write for {@code name} with {@code salt} (tests use it). */
    static String hashed(String name, byte[] salt) {
        Base64.Encoder base64 = Base64.getEncoder();
        return HASH_MAGIC + base64.encodeToString(salt) + "|" + base64.encodeToString(hmacSha1(salt, name));
    }

    private static byte[] hmacSha1(byte[] salt, String name) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            return mac.doFinal(name.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is part of every Java runtime", e);
        }
    }

    /**
     * match_pattern_list: 1 for a positive match, -1 for a negated one (which wins at once), 0
     * for none. Patterns are lowered as they are read.
     */
    static int matchList(String name, String patterns) {
        boolean positive = false;
        int i = 0;
        int length = patterns.length();
        while (i < length) {
            boolean negated = patterns.charAt(i) == '!';
            if (negated) {
                i++;
            }
            int end = patterns.indexOf(',', i);
            if (end < 0) {
                end = length;
            }
            String sub = patterns.substring(i, end).toLowerCase(Locale.ROOT);
            if (sub.length() >= MAX_SUBPATTERN) {
                return 0;
            }
            i = end < length ? end + 1 : end;
            if (glob(name, sub)) {
                if (negated) {
                    return -1;
                }
                positive = true;
            }
        }
        return positive ? 1 : 0;
    }

    /** match_pattern: {@code *} any run of characters, {@code ?} any one character, nothing else special. */
    static boolean glob(String text, String pattern) {
        int t = 0;
        int p = 0;
        int starAt = -1;
        int resumeAt = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                t++;
                p++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                starAt = p++;
                resumeAt = t;
            } else if (starAt >= 0) {
                p = starAt + 1;
                t = ++resumeAt;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
