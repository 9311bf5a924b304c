package dev.jhosts.catalog;

import java.util.Optional;

/**
 * The host name as {@code ssh -G} prints it: OpenSSH lower-cases names (ASCII only, as C's
 * {@code tolower} does), leaves addresses alone, and rewrites numeric IPv4 forms that
 * {@code inet_aton} accepts ({@code 127.1}, {@code 010.0.0.1}, {@code 0x7f000001}) to dotted
 * quads.
 */
final class HostnameForm {
    private HostnameForm() {}

    static String canonical(String name) {
        Optional<String> ipv4 = dottedQuad(name);
        if (ipv4.isPresent()) {
            return ipv4.get();
        }
        if (looksLikeAddress(name)) {
            return name;
        }
        return AsciiCase.lowerCase(name);
    }

    /** ssh's {@code is_addr_fast}: an IPv6 form, a scoped address, or digits and dots. */
    static boolean isAddress(String name) {
        return looksLikeAddress(name) || dottedQuad(name).isPresent();
    }

    private static boolean looksLikeAddress(String name) {
        if (name.indexOf(':') >= 0 || name.indexOf('%') >= 0) {
            return true;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    /** inet_aton: one to four parts, decimal, octal (leading 0) or hex (0x), the last one filling the rest. */
    private static Optional<String> dottedQuad(String name) {
        if (name.isEmpty() || name.length() > 64) {
            return Optional.empty();
        }
        String[] parts = name.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            long value = number(parts[i]);
            if (value < 0) {
                return Optional.empty();
            }
            values[i] = value;
        }
        long address = 0;
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 255) {
                return Optional.empty();
            }
            address |= values[i] << (8 * (3 - i));
        }
        long last = values[values.length - 1];
        if (last >= 1L << (8 * (4 - (values.length - 1)))) {
            return Optional.empty();
        }
        address |= last;
        return Optional.of(((address >> 24) & 255) + "." + ((address >> 16) & 255) + "."
                + ((address >> 8) & 255) + "." + (address & 255));
    }

    /** A part's value, or -1 when it is not a number inet_aton accepts. */
    private static long number(String part) {
        int radix = 10;
        int from = 0;
        if (part.length() > 2 && part.charAt(0) == '0' && (part.charAt(1) == 'x' || part.charAt(1) == 'X')) {
            radix = 16;
            from = 2;
        } else if (part.length() > 1 && part.charAt(0) == '0') {
            radix = 8;
            from = 1;
        }
        if (part.isEmpty()) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < part.length(); i++) {
            char c = part.charAt(i);
            int digit = c < 128 ? Character.digit(c, radix) : -1;
            if (digit < 0) {
                return -1;
            }
            value = value * radix + digit;
            if (value > 0xFFFFFFFFL) {
                return -1;
            }
        }
        return value;
    }
}
