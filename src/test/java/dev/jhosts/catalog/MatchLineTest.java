package dev.jhosts.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Match lines split and checked as OpenSSH 9.2's match_cfg_line does (the corpus compares the
 * resulting values with ssh -G; here, the parts ssh -G cannot show).
 */
class MatchLineTest {
    @TempDir
    Path dir;

    private static MatchLine.Parsed parse(String rest) {
        return MatchLine.parse(rest);
    }

    private static List<MatchLine.Criterion> criteria(String rest) {
        MatchLine.Parsed parsed = parse(rest);
        assertThat(parsed).as(rest).isInstanceOf(MatchLine.Parsed.Criteria.class);
        return ((MatchLine.Parsed.Criteria) parsed).criteria();
    }

    private static String refusal(String rest) {
        MatchLine.Parsed parsed = parse(rest);
        assertThat(parsed).as(rest).isInstanceOf(MatchLine.Parsed.Refused.class);
        return ((MatchLine.Parsed.Refused) parsed).problem();
    }

    @Test
    void wordsAreSplitWithStrdelim() {
        assertThat(criteria("host=a,b user = x")).hasSize(2);
        assertThat(criteria("exec \"test -e /x\" host a")).first()
                .isEqualTo(new MatchLine.Criterion.NotEvaluated(false, "exec", "test -e /x"));
        assertThat(criteria("user 'root'")).singleElement().asString().contains("'root'");
        assertThat(criteria("HOST a # the rest is a comment")).hasSize(1);
        assertThat(criteria("!Host a")).singleElement().matches(MatchLine.Criterion::negated);
    }

    @Test
    void refusalsAreSshs() {
        assertThat(refusal("host")).isEqualTo("Missing Match criteria for host");
        assertThat(refusal("host #x")).isEqualTo("Missing Match criteria for host");
        assertThat(refusal("Nonsense")).isEqualTo("Missing Match criteria for Nonsense");
        assertThat(refusal("nonsense x")).isEqualTo("Unsupported Match attribute nonsense");
        assertThat(refusal("all host a")).isEqualTo("'all' cannot be combined with other Match attributes");
        assertThat(refusal("host a user b all")).isEqualTo("'all' cannot be combined with other Match attributes");
        assertThat(refusal("# nothing")).isEqualTo("One or more attributes required for Match");
        assertThat(refusal("host a \"\" user b")).isEqualTo("keyword match extra arguments at end of line");
        assertThat(refusal("exec \"test -n \\\"$X\\\"\"")).isEqualTo("Missing Match criteria for $X\\");
    }

    @Test
    void allMayFollowOneCriterion() {
        assertThat(criteria("canonical all")).hasSize(2);
        assertThat(criteria("host a all # comment")).hasSize(2);
        assertThat(criteria("all")).singleElement().isEqualTo(new MatchLine.Criterion.All(false));
    }

    @Test
    void finalAsksForTheSecondReadingEvenNegatedAsIn92() {
        assertThat(parse("final").requestsFinalPass()).isTrue();
        assertThat(parse("!final host x").requestsFinalPass()).isTrue();
        assertThat(parse("canonical").requestsFinalPass()).isFalse();
        assertThat(parse("final nonsense x").requestsFinalPass()).as("refused after final").isTrue();
        assertThat(parse("nonsense x final").requestsFinalPass()).as("refused before final").isFalse();
    }

    @Test
    void patternListsAreMatchPatternList() {
        assertThat(PatternList.of("a*,!ab", false).matches("ac")).isTrue();
        assertThat(PatternList.of("a*,!ab", false).matches("ab")).isFalse();
        assertThat(PatternList.of("!ab", false).matches("x")).as("only negated: no positive match").isFalse();
        assertThat(PatternList.of("Web*", true).matches("WEB1")).as("host lists ignore case").isTrue();
        assertThat(PatternList.of("Web*", false).matches("web1")).as("user lists do not").isFalse();
        assertThat(PatternList.of("x," + "y".repeat(1023), false).matches("x"))
                .as("a pattern too long for ssh's buffer fails the list, where it is reached").isFalse();
        assertThat(PatternList.of("!x," + "y".repeat(1023), false).matches("x")).isFalse();
        assertThat(PatternList.of("x," + "y".repeat(1022), false).matches("x")).as("1022 bytes fit").isTrue();
        assertThat(PatternList.of("", false).matches("")).isFalse();
    }

    @Test
    void canonicalizationThroughDnsMarksTheHost() throws IOException {
        Path config = dir.resolve("config");
        Files.writeString(config, "CanonicalizeHostname yes\nCanonicalDomains example.com\n"
                + "Host short\nHost dotted.name.example\nHost proxied\n    ProxyJump bastion\n"
                + "Host anchored.\n    CanonicalDomains none\nHost 10.0.0.1\n");

        Catalog catalog = TestCatalogs.loadExplicit(dir.resolve("home"), config);

        assertThat(catalog.hosts()).filteredOn(Host::valuesMayDiffer).extracting(Host::alias)
                .containsExactly("short", "anchored.");
        assertThat(catalog.find("short").orElseThrow().uncertainty()).contains("DNS");
    }

    @Test
    void anUnknownBlockMarksOnlyHostsItCouldGiveAValue() throws IOException {
        Path config = dir.resolve("config");
        Files.writeString(config, "Host full\n    User u\n    Port 2\nHost userless\n    Port 3\n"
                + "Match exec \"true\"\n    User maybe\nMatch !localnetwork 10.0.0.0/8 originalhost full,userless\n"
                + "    Port 4\nMatch exec x originalhost nothing-is-called-this\n    HostName never\n");

        Catalog catalog = TestCatalogs.loadExplicit(dir.resolve("home"), config);

        assertThat(catalog.find("full").orElseThrow().valuesMayDiffer()).isFalse();
        Host userless = catalog.find("userless").orElseThrow();
        assertThat(userless.uncertainty()).isEqualTo("Match exec at " + config + ":6 may set User");
        assertThat(userless.user()).as("the unknown block's options are not taken").isEqualTo(TestCatalogs.LOCAL_USER);
    }
}
