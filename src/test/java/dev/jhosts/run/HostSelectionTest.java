package dev.jhosts.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.catalog.Host;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostSelectionTest {
    private static Host host(String alias, String group, String... tags) {
        return new Host(alias, alias + ".example.org", "admin", 22, "", List.of(tags), group, "", false, false,
                Path.of("/tmp/config"), 1);
    }

    private static final List<Host> CATALOGUE = List.of(
            host("web1", "prod", "web", "eu"), host("web2", "prod", "web"), host("db1", "prod", "db"),
            host("lab", "", "web", "test"));

    @Test
    void namedHostsComeFirstThenTheFilteredOnesInCatalogueOrderEachOnce() {
        assertThat(new HostSelection(List.of("db1", "ghost"), List.of("web"), List.of(), "").select(CATALOGUE))
                .containsExactly("db1", "ghost", "web1", "web2", "lab");
    }

    @Test
    void everyFilterMustHold() {
        assertThat(new HostSelection(List.of(), List.of("web"), List.of("prod"), "").select(CATALOGUE))
                .containsExactly("web1", "web2");
        assertThat(new HostSelection(List.of(), List.of("web", "eu"), List.of(), "").select(CATALOGUE))
                .containsExactly("web1");
        assertThat(new HostSelection(List.of(), List.of(), List.of(), "tag:web wb2").select(CATALOGUE))
                .containsExactly("web2");
        assertThat(new HostSelection(List.of(), List.of("nothing"), List.of(), "").select(CATALOGUE)).isEmpty();
    }

    @Test
    void withoutFiltersOnlyTheNamedOnes() {
        HostSelection selection = new HostSelection(List.of("lab"), List.of(), List.of(), " ");
        assertThat(selection.filters()).isFalse();
        assertThat(selection.select(CATALOGUE)).containsExactly("lab");
        assertThat(new HostSelection(List.of(), List.of("a"), List.of("b"), "c d").describe())
                .isEqualTo("--tag a --group b --match 'c d'");
    }
}
