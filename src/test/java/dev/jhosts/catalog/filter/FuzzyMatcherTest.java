package dev.jhosts.catalog.filter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FuzzyMatcherTest {

    @Test
    void charactersMustAppearInOrder() {
        assertThat(FuzzyMatcher.match("wb1", "web1")).isPresent();
        assertThat(FuzzyMatcher.match("1bw", "web1")).isEmpty();
        assertThat(FuzzyMatcher.match("webx", "web1")).isEmpty();
        assertThat(FuzzyMatcher.match("toolong", "web")).isEmpty();
    }

    @Test
    void caseIsIgnored() {
        assertThat(FuzzyMatcher.match("WEB", "web1")).isPresent();
        assertThat(FuzzyMatcher.match("web", "WebServer")).isPresent();
    }

    @Test
    void emptyPatternMatchesEverythingWithoutPositions() {
        assertThat(FuzzyMatcher.match("", "anything").orElseThrow().positions()).isEmpty();
    }

    @Test
    void positionsAreTheBestAlignmentNotTheFirst() {
        // the first 'd' and 'b' would be scattered; the contiguous "db" at a word start is better
        assertThat(FuzzyMatcher.match("db", "dev-db").orElseThrow().positions()).containsExactly(4, 5);
        assertThat(FuzzyMatcher.match("web", "web1").orElseThrow().positions()).containsExactly(0, 1, 2);
    }

    @Test
    void contiguousBeatsScattered() {
        int contiguous = FuzzyMatcher.match("web", "web-prod").orElseThrow().score();
        int scattered = FuzzyMatcher.match("web", "w-e-b-prod").orElseThrow().score();
        assertThat(contiguous).isGreaterThan(scattered);
    }

    @Test
    void prefixBeatsMiddle() {
        int prefix = FuzzyMatcher.match("db", "db-main").orElseThrow().score();
        int middle = FuzzyMatcher.match("db", "maindb").orElseThrow().score();
        assertThat(prefix).isGreaterThan(middle);
    }

    @Test
    void wordStartsBeatInnerLetters() {
        int wordStarts = FuzzyMatcher.match("pm", "prod-mail").orElseThrow().score();
        int inner = FuzzyMatcher.match("pm", "upsmail").orElseThrow().score();
        assertThat(wordStarts).isGreaterThan(inner);
        int camel = FuzzyMatcher.match("ws", "webServer").orElseThrow().score();
        int plain = FuzzyMatcher.match("ws", "webserver").orElseThrow().score();
        assertThat(camel).isGreaterThan(plain);
    }
}
