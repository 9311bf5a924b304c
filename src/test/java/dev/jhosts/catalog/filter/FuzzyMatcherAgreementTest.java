package dev.jhosts.catalog.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The linear-time matcher finds the same scores and positions as the first, quadratic one. */
class FuzzyMatcherAgreementTest {
    private static final String LETTERS = "abAB-.1_ wW";

    private static String random(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            text.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return text.toString();
    }

    @Test
    void agreesWithTheReferenceOnRandomText() {
        Random random = new Random(42);
        MatchTable shared = new MatchTable();
        for (int round = 0; round < 20_000; round++) {
            String pattern = random(random, 4);
            String text = random(random, 16);
            var expected = ReferenceFuzzyMatcher.match(pattern, text);
            assertThat(FuzzyMatcher.match(pattern, text)).as("%s in %s", pattern, text).isEqualTo(expected);
            assertThat(FuzzyMatcher.match(pattern, text, shared)).as("%s in %s, reused table", pattern, text)
                    .isEqualTo(expected);
            assertThat(FuzzyMatcher.score(pattern, text, shared)).as("score of %s in %s", pattern, text)
                    .isEqualTo(expected.map(FuzzyMatch::score).orElse(Integer.MIN_VALUE));
        }
    }

    @Test
    void agreesOnHostNames() {
        for (String text : new String[] {"web12.prod.example.com", "dev-db", "w-e-b-prod", "webServer", "db-main",
                "\u212Aelvin-\u0130stanbul", "Überhost-éa", "東京-web"}) {
            for (String pattern : new String[] {"web12", "w1", "db", "wS", "e", "prod", "k", "ki", "i", "üb", "É", "東w"}) {
                assertThat(FuzzyMatcher.match(pattern, text)).isEqualTo(ReferenceFuzzyMatcher.match(pattern, text));
            }
        }
    }
}
