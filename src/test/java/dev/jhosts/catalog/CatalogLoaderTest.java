package dev.jhosts.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.config.HostEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogLoaderTest {
    @TempDir
    Path dir;

    private Path home;
    private Path userConfig;
    private Path systemConfig;

    @BeforeEach
    void paths() throws IOException {
        home = dir.resolve("home");
        userConfig = home.resolve(".ssh/config");
        systemConfig = dir.resolve("etc/ssh/ssh_config");
        Files.createDirectories(userConfig.getParent());
        Files.createDirectories(systemConfig.getParent().resolve("ssh_config.d"));
    }

    private Catalog loadDefault(List<HostEntry> entries) {
        return TestCatalogs.loader(home, entries, systemConfig).load(userConfig, false);
    }

    @Test
    void theSystemConfigIsReadAfterTheUserConfig() throws IOException {
        Files.writeString(userConfig, "Host mine\n  User me\n");
        Files.writeString(systemConfig, "Include ssh_config.d/*.conf\nHost mine\n  Port 2022\n  User ignored\n"
                + "Host *\n  User everyone\n");
        Files.writeString(systemConfig.resolveSibling("ssh_config.d/10-site.conf"), "Host site\n  HostName site.example.com\n");

        Catalog catalog = loadDefault(List.of());

        assertThat(catalog.warnings()).isEmpty();
        assertThat(catalog.hosts()).extracting(Host::alias, Host::user, Host::port, Host::hostname)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("mine", "me", 2022, "mine"),
                        org.assertj.core.groups.Tuple.tuple("site", "everyone", 22, "site.example.com"));
    }

    @Test
    void anExplicitConfigSkipsTheSystemConfig() throws IOException {
        Path explicit = dir.resolve("explicit.conf");
        Files.writeString(explicit, "Host only\n");
        Files.writeString(systemConfig, "Host from-system\n");

        Catalog catalog = TestCatalogs.loader(home, List.of(), systemConfig).load(explicit, true);

        assertThat(catalog.hosts()).extracting(Host::alias).containsExactly("only");
    }

    @Test
    void configNoneReadsNothing() throws IOException {
        Files.writeString(systemConfig, "Host from-system\n");

        Catalog catalog = TestCatalogs.loader(home, List.of(), systemConfig).load(Path.of("none"), true);

        assertThat(catalog.hosts()).isEmpty();
        assertThat(catalog.warnings()).isEmpty();
    }

    @Test
    void aMissingExplicitConfigIsAWarningAndAMissingDefaultIsNot() {
        Catalog explicit = TestCatalogs.loader(home, List.of(), systemConfig).load(dir.resolve("nope.conf"), true);
        Catalog implicit = loadDefault(List.of());

        assertThat(explicit.hosts()).isEmpty();
        assertThat(explicit.warnings()).containsExactly(dir.resolve("nope.conf") + ": cannot read the ssh config: no such file");
        assertThat(implicit.hosts()).isEmpty();
        assertThat(implicit.warnings()).isEmpty();
    }

    @Test
    void warningsNameTheFileUnderHomeWithATildeAndTheLine() throws IOException {
        Files.writeString(userConfig, "Host a\n\nInclude nothere.conf\nPort nonsense\n");

        Catalog catalog = loadDefault(List.of());

        assertThat(catalog.warnings()).containsExactly(
                "~/.ssh/config:3: Include target not found: nothere.conf",
                "~/.ssh/config:4: Bad port 'nonsense'");
        assertThat(catalog.hosts()).extracting(Host::alias).containsExactly("a");
    }

    @Test
    void aGlobIntoAMissingDirectoryIsAWarningOnlyInTheUserConfig() throws IOException {
        Files.createDirectories(home.resolve(".ssh/empty.d"));
        Files.writeString(userConfig, "Include empty.d/*.conf nodir/*.conf\n");
        Files.writeString(systemConfig, "Include missing.d/*.conf\n");

        Catalog catalog = loadDefault(List.of());

        assertThat(catalog.warnings()).containsExactly("~/.ssh/config:1: Include directory not found: nodir/*.conf");
    }

    @Test
    void theSystemConfigMayNotUseTilde() throws IOException {
        Files.writeString(systemConfig, "Include ~/.ssh/extra\n");

        Catalog catalog = loadDefault(List.of());

        assertThat(catalog.warnings()).singleElement().asString()
                .startsWith(systemConfig + ":1: bad include path ~/.ssh/extra");
    }

    @Test
    void anIncludedFileOthersCanWriteIsReadWithAWarning() throws IOException {
        Path shared = home.resolve(".ssh/shared.conf");
        Files.writeString(shared, "Host shared\n");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-rw-rw-"));
        Files.writeString(userConfig, "Include shared.conf\n");

        Catalog catalog = loadDefault(List.of());

        assertThat(catalog.hosts()).extracting(Host::alias).containsExactly("shared");
        assertThat(catalog.warnings()).containsExactly("~/.ssh/shared.conf: bad owner or permissions: ssh refuses to use this file");
    }

    @Test
    void anUnreadableIncludedFileIsAWarning() throws IOException {
        Path secret = home.resolve(".ssh/secret.conf");
        Files.writeString(secret, "Host secret\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        Assumptions.assumeFalse(Files.isReadable(secret), "the file stays readable (running as root)");
        Files.writeString(userConfig, "Include secret.conf\nHost visible\n");

        Catalog catalog = loadDefault(List.of());

        assertThat(catalog.hosts()).extracting(Host::alias).containsExactly("visible");
        assertThat(catalog.warnings()).containsExactly("~/.ssh/secret.conf: cannot read the ssh config: permission denied");
    }

    @Test
    void includesNestDeeperThanSixteenLevelsAreNotRead() throws IOException {
        for (int level = 0; level <= SshConfigReader.MAX_DEPTH + 2; level++) {
            Path file = level == 0 ? userConfig : home.resolve(".ssh/level" + level);
            Files.writeString(file, "Include level" + (level + 1) + "\nHost host" + level + "\n");
        }

        Catalog catalog = loadDefault(List.of());

        assertThat(catalog.hosts()).extracting(Host::alias).hasSize(SshConfigReader.MAX_DEPTH + 1)
                .contains("host0", "host16").doesNotContain("host17");
        assertThat(catalog.warnings()).singleElement().asString()
                .startsWith("~/.ssh/level16:1: Include nested more than 16 deep");
    }

    @Test
    void aFileIncludingItselfIsReadOnce() throws IOException {
        Files.writeString(userConfig, "Host before\nMatch all\nInclude config\nHost after\n");

        Catalog catalog = loadDefault(List.of());

        assertThat(catalog.hosts()).extracting(Host::alias).containsExactly("before", "after");
        assertThat(catalog.warnings()).singleElement().asString().startsWith("~/.ssh/config:3: Include cycle: ~/.ssh/config");
    }

    @Test
    void settingsEntriesAddNotesAndExtraHosts() throws IOException {
        Files.writeString(userConfig, "Host web # jhosts: tags=ssh group=FromSsh\nHost db\n");
        List<HostEntry> entries = List.of(
                TestCatalogs.entry("web", "", List.of("ssh", "settings"), "FromSettings", true, 3),
                new HostEntry("lab", "10.0.0.5", "admin", 2222, List.of("lab"), "Lab", "bench", false,
                        Path.of("/jhosts.conf"), 4),
                TestCatalogs.entry("ghost", "", List.of(), "", false, 5),
                TestCatalogs.entry("db", "db.example.com", List.of(), "", false, 6),
                TestCatalogs.entry("web", "", List.of(), "", false, 7));

        Catalog catalog = loadDefault(entries);

        Host web = catalog.find("web").orElseThrow();
        assertThat(web.tags()).containsExactly("ssh", "settings");
        assertThat(web.group()).isEqualTo("FromSettings");
        assertThat(web.favourite()).isTrue();
        assertThat(web.extra()).isFalse();
        Host lab = catalog.find("lab").orElseThrow();
        assertThat(lab).isEqualTo(new Host("lab", "10.0.0.5", "admin", 2222, "", List.of("lab"), "Lab", "bench",
                false, true, Path.of("/jhosts.conf"), 4));
        assertThat(catalog.find("db").orElseThrow().hostname()).isEqualTo("db");
        assertThat(catalog.hosts()).extracting(Host::alias).containsExactly("web", "db", "lab");
        assertThat(catalog.warnings()).containsExactly(
                "/jhosts.conf:7: hosts: web is listed again; the entry at line 3 is used",
                "/jhosts.conf:5: hosts: no ssh config host ghost (set hostname to make it a host of its own)",
                "/jhosts.conf:6: hosts: db is in the ssh config, which gives its hostname, user and port; those of this entry are not used");
    }

    @Test
    void notesFromTheSshConfigFollowFirstValueWins() throws IOException {
        TestCatalogs.copyCorpus(dir.resolve("corpus"));

        Catalog catalog = TestCatalogs.loadExplicit(home, dir.resolve("corpus/tags.conf"));

        Host app1 = catalog.find("app1").orElseThrow();
        assertThat(app1.tags()).containsExactly("frontend", "web", "prod", "apps");
        assertThat(app1.group()).isEqualTo("Production");
        assertThat(app1.description()).isEqualTo("Front end, rack 4");
        assertThat(app1.favourite()).isFalse();
        Host app2 = catalog.find("app2").orElseThrow();
        assertThat(app2.tags()).containsExactly("frontend", "web", "prod", "second", "apps");
        assertThat(app2.favourite()).isTrue();
        Host plain = catalog.find("plain").orElseThrow();
        assertThat(plain.tags()).isEmpty();
        assertThat(plain.group()).isEmpty();
    }

    @Test
    void findIsExact() throws IOException {
        Files.writeString(userConfig, "Host Web web\n");

        Catalog catalog = loadDefault(List.of());

        assertThat(catalog.find("web")).map(Host::alias).hasValue("web");
        assertThat(catalog.find("WEB")).isEmpty();
    }
}
