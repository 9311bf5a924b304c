package dev.jhosts.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.probe.HostPatterns.Match;
import org.junit.jupiter.api.Test;

/** The host field of a known_hosts line, matched as hostfile.c and match.c match it. */
class HostPatternsTest {

    @Test
    void aListMatchesWhenAnyPatternDoes() {
        assertThat(HostPatterns.match("a.example,b.example", "b.example")).isEqualTo(Match.YES);
        assertThat(HostPatterns.match("a.example,b.example", "c.example")).isEqualTo(Match.NO);
        assertThat(HostPatterns.match("a.example,b.example", "a.example.org")).isEqualTo(Match.NO);
    }

    @Test
    void wildcardsStarAndQuestionMark() {
        assertThat(HostPatterns.match("*.example", "web.example")).isEqualTo(Match.YES);
        assertThat(HostPatterns.match("*.example", "example")).isEqualTo(Match.NO);
        assertThat(HostPatterns.match("web?.example", "web1.example")).isEqualTo(Match.YES);
        assertThat(HostPatterns.match("web?.example", "web12.example")).isEqualTo(Match.NO);
        assertThat(HostPatterns.match("*", "anything")).isEqualTo(Match.YES);
        assertThat(HostPatterns.match("a*b*c", "aXXbYYbc")).isEqualTo(Match.YES);
        assertThat(HostPatterns.match("a*b*c", "aXXbYYbcd")).isEqualTo(Match.NO);
    }

    @Test
    void aNegatedPatternThatMatchesMakesTheLineNotMatchWhereverItStands() {
        assertThat(HostPatterns.match("!bad.example,*.example", "bad.example")).isEqualTo(Match.NO);
        assertThat(HostPatterns.match("*.example,!bad.example", "bad.example")).isEqualTo(Match.NO);
        assertThat(HostPatterns.match("!bad.example,*.example", "good.example")).isEqualTo(Match.YES);
        // a negation alone never makes a match
        assertThat(HostPatterns.match("!bad.example", "good.example")).isEqualTo(Match.NO);
    }

    @Test
    void portsAreMatchedAsPartOfTheBracketedName() {
        assertThat(HostPatterns.match("[h.example]:2222", "[h.example]:2222")).isEqualTo(Match.YES);
        assertThat(HostPatterns.match("h.example", "[h.example]:2222")).isEqualTo(Match.NO);
        assertThat(HostPatterns.match("[h.example]:2222", "h.example")).isEqualTo(Match.NO);
        assertThat(HostPatterns.match("[*.example]:*", "[h.example]:2222")).isEqualTo(Match.YES);
        assertThat(HostPatterns.match("[h.example]:2222", "[h.example]:22222")).isEqualTo(Match.NO);
    }

    @Test
    void patternsAreComparedInLowerCase() {
        assertThat(HostPatterns.match("Web.EXAMPLE", "web.example")).isEqualTo(Match.YES);
        assertThat(HostPatterns.match("web.example", "WEB.example")).isEqualTo(Match.YES);
    }

    @Test
    void hashedNamesMatchTheirOwnNameOnly() {
        byte[] salt = new byte[20];
        for (int i = 0; i < salt.length; i++) {
            salt[i] = (byte) (i * 7);
        }
        String field = HostPatterns.hashed("[10.1.2.3]:2222", salt);
        assertThat(field).startsWith("|1|");
        assertThat(HostPatterns.match(field, "[10.1.2.3]:2222")).isEqualTo(Match.YES);
        assertThat(HostPatterns.match(field, "10.1.2.3")).isEqualTo(Match.NO);
        assertThat(HostPatterns.isHashed(field)).isTrue();
    }

    @Test
    void malformedHashesAreMalformed() {
        assertThat(HostPatterns.match("|1|notbase64!|AAAA", "h")).isEqualTo(Match.MALFORMED);
        assertThat(HostPatterns.match("|2|AAAA|AAAA", "h")).isEqualTo(Match.MALFORMED);
        assertThat(HostPatterns.match("|1|AAAA", "h")).isEqualTo(Match.MALFORMED);
        // a salt that is not 20 bytes (extract_salt refuses it)
        assertThat(HostPatterns.match("|1|AAAA|AAAA", "h")).isEqualTo(Match.MALFORMED);
    }

    @Test
    void anEmptySubpatternMatchesOnlyTheEmptyName() {
        assertThat(HostPatterns.matchList("", "a,,b")).isEqualTo(1);
        assertThat(HostPatterns.matchList("x", "a,,b")).isEqualTo(0);
    }
}
