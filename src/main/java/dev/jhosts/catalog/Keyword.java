package dev.jhosts.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The ssh_config keywords the catalogue reads; any other keyword is {@link #OTHER}. */
enum Keyword {
    HOST(Needs.ARGUMENTS),
    MATCH(Needs.ARGUMENTS_AND_REST),
    INCLUDE(Needs.ARGUMENTS),
    HOSTNAME(Needs.ARGUMENTS),
    USER(Needs.ARGUMENTS),
    PORT(Needs.ARGUMENTS),
    TAG(Needs.ARGUMENTS),
    PROXYJUMP(Needs.REST),
    PROXYCOMMAND(Needs.REST),
    CANONICALIZEHOSTNAME(Needs.ARGUMENTS),
    CANONICALDOMAINS(Needs.ARGUMENTS),
    CANONICALIZEMAXDOTS(Needs.ARGUMENTS),
    OTHER(Needs.NOTHING);

    /**
     * What the reader uses of a line with this keyword: the words, the text after the keyword,
     * both (Match: ssh 9.2 checks the quotes of every line as words, then splits the criteria
     * its own way), or nothing.
     */
    enum Needs { ARGUMENTS, REST, ARGUMENTS_AND_REST, NOTHING }

    private static final Keyword[] READ = {
        HOST, MATCH, INCLUDE, HOSTNAME, USER, PORT, TAG, PROXYJUMP, PROXYCOMMAND, CANONICALIZEHOSTNAME, CANONICALDOMAINS, CANONICALIZEMAXDOTS,
    };

    private final Needs needs;
    private final byte[] lowerCase;

    Keyword(Needs needs) {
        this.needs = needs;
        this.lowerCase = name().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
    }

    Needs needs() {
        return needs;
    }

    /** The keyword as ssh names it in messages (lower case). */
    String text() {
        return new String(lowerCase, StandardCharsets.US_ASCII);
    }

    /** The keyword spelled by bytes [from, to), compared ignoring ASCII case as ssh does. */
    static Keyword of(byte[] bytes, int from, int to) {
        int length = to - from;
        for (Keyword keyword : READ) {
            byte[] name = keyword.lowerCase;
            if (name.length == length && AsciiCase.regionMatches(name, bytes, from)) {
                return keyword;
            }
        }
        return OTHER;
    }
}
