package dev.jhosts.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.config.HostEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sources' hosts merged after the ssh config and the settings: who wins an alias, and notes on them. */
class SourceHostsMergeTest {
    @TempDir
    Path home;

    private static Host fromSource(String alias, String hostname) {
        return new Host(alias, hostname, "me", 22, "", List.of("src"), "", "", false, true, Path.of("/s.conf"), 4, "",
                new HostSource("cmdb", HostSource.Presence.ONLINE, hostname, "", 0));
    }

    private static HostEntry entry(String alias, String hostname, String group, boolean favourite) {
        return new HostEntry(alias, hostname, "", 0, List.of("noted"), group, "", favourite, Path.of("/s.conf"), 9);
    }

    @Test
    void theSshConfigAndTheSettingsKeepTheirAliasesAndNotesApplyToSourceHosts() throws Exception {
        Path config = home.resolve("config");
        Files.writeString(config, "Host web1\n  HostName 10.0.0.1\n");
        SshCatalog read = TestCatalogs.loader(home, List.of(
                entry("lab", "192.0.2.10", "", false),
                entry("ts1", "", "Tailnet", true)), home.resolve("none")).read(config, true);
        Catalog catalog = read.with(new SourceHosts(List.of(
                fromSource("web1", "10.9.9.9"), fromSource("lab", "10.9.9.8"), fromSource("ts1", "100.64.0.1"),
                fromSource("ts2", "100.64.0.2"), fromSource("ts2", "100.64.0.3")), List.of("source x: failed"), true));
        assertThat(catalog.hosts()).extracting(Host::alias).containsExactly("web1", "lab", "ts1", "ts2");
        assertThat(catalog.find("web1").orElseThrow().hostname()).isEqualTo("10.0.0.1");
        assertThat(catalog.find("web1").orElseThrow().source().present()).isFalse();
        assertThat(catalog.find("lab").orElseThrow().hostname()).isEqualTo("192.0.2.10");
        Host ts1 = catalog.find("ts1").orElseThrow();
        assertThat(ts1.group()).isEqualTo("Tailnet");
        assertThat(ts1.favourite()).isTrue();
        assertThat(ts1.tags()).containsExactly("src", "noted");
        assertThat(ts1.source().name()).isEqualTo("cmdb");
        assertThat(catalog.find("ts2").orElseThrow().hostname()).isEqualTo("100.64.0.2");
        assertThat(catalog.warnings()).containsExactly("source x: failed");
    }

    @Test
    void anEntryForAHostASourceIsStillToGiveIsNoWarningUntilEverySourceAnswered() throws Exception {
        Path config = home.resolve("config");
        Files.writeString(config, "Host web1\n");
        SshCatalog read = TestCatalogs.loader(home, List.of(entry("later", "", "", true)), home.resolve("none"))
                .read(config, true);
        assertThat(read.with(new SourceHosts(List.of(), List.of(), false)).warnings()).isEmpty();
        assertThat(read.with(new SourceHosts(List.of(), List.of(), true)).warnings()).singleElement()
                .asString().contains("no ssh config host later");
    }
}
