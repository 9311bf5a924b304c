package dev.jhosts.catalog.filter;

import static dev.jhosts.tui.Hosts.host;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.catalog.Host;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostFilterTest {
    private final List<Host> catalogue = List.of(
            host("web1", "10.0.0.1", "Production", List.of("web", "prod"), "front end"),
            host("web2", "10.0.0.2", "Production", List.of("web", "prod"), "front end"),
            host("db-main", "db.internal", "Production", List.of("db", "prod"), "postgres primary"),
            host("lab", "lab.example.org", "Lab", List.of("test"), "playground for web tests"),
            host("newbox", "nb.example.org", "", List.of(), ""));

    private static List<String> aliases(List<HostMatch> matches) {
        return matches.stream().map(match -> match.host().alias()).toList();
    }

    @Test
    void emptyFilterKeepsTheCatalogueOrder() {
        assertThat(aliases(HostFilter.apply(catalogue, ""))).containsExactly("web1", "web2", "db-main", "lab", "newbox");
        assertThat(aliases(HostFilter.apply(catalogue, "   "))).hasSize(5);
    }

    @Test
    void bestMatchesComeFirstTiesInCatalogueOrder() {
        // alias matches (web1, web2) rank above the description match (lab), "newbox" contains w..e..b? no
        List<HostMatch> matches = HostFilter.apply(catalogue, "web");
        assertThat(aliases(matches)).startsWith("web1", "web2").contains("lab").doesNotContain("db-main");
        assertThat(aliases(HostFilter.apply(catalogue, "db"))).first().isEqualTo("db-main");
    }

    @Test
    void matchesHostnameAndDescriptionToo() {
        assertThat(aliases(HostFilter.apply(catalogue, "10.0.0.2"))).containsExactly("web2");
        assertThat(aliases(HostFilter.apply(catalogue, "postgres"))).containsExactly("db-main");
    }

    @Test
    void highlightPositionsPointIntoTheFieldThatMatched() {
        HostMatch byAlias = HostFilter.apply(catalogue, "wb2").get(0);
        assertThat(byAlias.host().alias()).isEqualTo("web2");
        assertThat(byAlias.aliasPositions()).containsExactly(0, 2, 3);
        assertThat(byAlias.hostnamePositions()).isEmpty();

        HostMatch byHostname = HostFilter.apply(catalogue, "internal").get(0);
        assertThat(byHostname.hostnamePositions()).containsExactly(3, 4, 5, 6, 7, 8, 9, 10);
        HostMatch byDescription = HostFilter.apply(catalogue, "playground").get(0);
        assertThat(byDescription.descriptionPositions()).hasSize(10).startsWith(0);
    }

    @Test
    void everyWordMustMatch() {
        assertThat(aliases(HostFilter.apply(catalogue, "web 2"))).containsExactly("web2");
        assertThat(aliases(HostFilter.apply(catalogue, "web zzz"))).isEmpty();
    }

    @Test
    void tagAndGroupTermsNarrowByPrefixIgnoringCase() {
        assertThat(aliases(HostFilter.apply(catalogue, "tag:db"))).containsExactly("db-main");
        assertThat(aliases(HostFilter.apply(catalogue, "tag:PROD"))).containsExactly("web1", "web2", "db-main");
        assertThat(aliases(HostFilter.apply(catalogue, "tag:pr"))).containsExactly("web1", "web2", "db-main");
        assertThat(aliases(HostFilter.apply(catalogue, "group:lab"))).containsExactly("lab");
        assertThat(aliases(HostFilter.apply(catalogue, "group:prod tag:web"))).containsExactly("web1", "web2");
        assertThat(aliases(HostFilter.apply(catalogue, "group:prod 2"))).containsExactly("web2");
        assertThat(aliases(HostFilter.apply(catalogue, "tag:nosuch"))).isEmpty();
    }

    @Test
    void aTermStillBeingTypedDoesNotNarrow() {
        assertThat(HostFilter.apply(catalogue, "tag:")).hasSize(5);
        assertThat(Query.parse("group: web").patterns()).containsExactly("web");
    }

    @Test
    void refiningGivesWhatFilteringAfreshGives() {
        List<String> typed = List.of("", "w", "we", "web", "web ", "web 2", "web", "tag", "tag:", "tag:p", "tag:pr",
                "tag:pr w", "tag:pr wb", "group:", "group:P", "group:Pr db", "ta", "t", "T", "Te", "");
        String previous = "";
        List<HostMatch> matches = HostFilter.apply(catalogue, previous);
        for (String filter : typed) {
            List<HostMatch> refined = HostFilter.refine(catalogue, previous, matches, filter);
            assertThat(refined).as("%s after %s", filter, previous).isEqualTo(HostFilter.apply(catalogue, filter));
            previous = filter;
            matches = refined;
        }
    }

    @Test
    void aQueryNarrowsOnlyWhenEveryTermOfTheWiderOneGrew() {
        assertThat(Query.parse("web1").narrows(Query.parse("web"))).isTrue();
        assertThat(Query.parse("web 2").narrows(Query.parse("web"))).isTrue();
        assertThat(Query.parse("tag:prod x").narrows(Query.parse("tag:pr"))).isTrue();
        assertThat(Query.parse("tag:").narrows(Query.parse("tag"))).as("tag: alone narrows nothing").isFalse();
        assertThat(Query.parse("we").narrows(Query.parse("web"))).isFalse();
        assertThat(Query.parse("group:lab").narrows(Query.parse("tag:lab"))).isFalse();
        assertThat(Query.parse("anything").narrows(Query.parse(""))).isTrue();
    }

    @Test
    void tiesKeepTheGivenOrder() {
        List<Host> reversed = List.of(catalogue.get(1), catalogue.get(0));
        assertThat(aliases(HostFilter.apply(reversed, "web"))).containsExactly("web2", "web1");
        assertThat(HostFilter.apply(reversed, "web").get(0).rank()).isZero();
    }
}
