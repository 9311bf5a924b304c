package dev.jhosts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jhosts host add|edit --tag/--no-tags/--group/--description} on real files: the notes go in
 * the block's one {@code # jhosts:} comment, one line changed, and {@code jhosts list --json} reads
 * them back.
 */
class HostNotesCommandTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Path config;

    @BeforeEach
    void writeConfig() throws Exception {
        config = dir.resolve("config");
        Files.writeString(config, String.join("\r\n",
                "# my hosts",
                "Host plain",
                "\tHostName plain.example.com",
                "\tUser bob",
                "",
                "Host noted",
                "\t# jhosts: tags=old group=Old favourite",
                "\tHostName noted.example.com",
                "",
                "Host trailing   # jhosts: tags=t1 description=\"on the line\"",
                "\tPort 2200",
                "",
                "Host pair1 pair2",
                "\tPort 2300",
                "",
                "Host *",
                "\tServerAliveInterval 30",
                ""));
    }

    private Processes.Result jhosts(String... args) {
        List<String> command = new ArrayList<>(List.of(SshdFixture.launcher().toString(), "-F", config.toString()));
        command.addAll(List.of(args));
        return Processes.run(command, Map.of("XDG_CONFIG_HOME", dir.resolve("xdg-config").toString(),
                "XDG_STATE_HOME", dir.resolve("state").toString(), "XDG_RUNTIME_DIR", dir.toString()), LIMIT);
    }

    /** The lines that differ, position by position, the file's CRLF endings left out. */
    private static List<String> changedLines(String before, String after) {
        return HostEditCommandTest.changedLines(before.replace("\r\n", "\n"), after.replace("\r\n", "\n"));
    }

    /** The JSON object {@code jhosts list --json} gives for {@code alias}. */
    private String listed(String alias) {
        Processes.Result list = jhosts("list", "--json");
        assertThat(list.exitCode()).as(list.describe()).isZero();
        assertThat(list.stderr()).doesNotContain("jhosts note");
        int start = list.stdout().indexOf("{\"alias\":\"" + alias + "\"");
        assertThat(start).as(list.stdout()).isNotNegative();
        return list.stdout().substring(start, list.stdout().indexOf("\"file\"", start));
    }

    private long backups() throws Exception {
        Path backups = dir.resolve("state/jhosts/backups");
        if (!Files.exists(backups)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(backups)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void notesOfABlockWithoutThemAreOneNewLineAfterItsOptions() throws Exception {
        String before = Files.readString(config);

        Processes.Result result = jhosts("host", "edit", "plain", "--tag", "prod", "--tag", "web,db",
                "--group", "Prod \"A\"", "--description", "it's = \"odd\" \\ #1");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        String after = Files.readString(config);
        assertThat(after).isEqualTo(before.replace("\tUser bob\r\n", "\tUser bob\r\n"
                + "\t# jhosts: tags=prod,web,db group=\"Prod \\\"A\\\"\" description=\"it's = \\\"odd\\\" \\\\ #1\"\r\n"));
        assertThat(listed("plain")).contains("\"tags\":[\"prod\",\"web\",\"db\"]", "\"group\":\"Prod \\\"A\\\"\"",
                "\"description\":\"it's = \\\"odd\\\" \\\\ #1\"");
        assertThat(backups()).isEqualTo(1);
    }

    @Test
    void anExistingNotesLineChangesInPlaceKeepingWhatIsNotGiven() throws Exception {
        String before = Files.readString(config);

        Processes.Result result = jhosts("host", "edit", "noted", "--description", "the db", "--no-tags");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(changedLines(before, Files.readString(config)))
                .containsExactly("\t# jhosts: tags=old group=Old favourite -> \t# jhosts: group=Old description=\"the db\" favourite");
        assertThat(listed("noted")).contains("\"tags\":[]", "\"group\":\"Old\"", "\"description\":\"the db\"",
                "\"favourite\":true");
    }

    @Test
    void notesAtTheEndOfTheHostLineAreChangedThereAndRemovedWithTheirBlanks() throws Exception {
        String before = Files.readString(config);

        Processes.Result set = jhosts("host", "edit", "trailing", "--group", "Lab", "--port", "2201");
        assertThat(set.exitCode()).as(set.describe()).isZero();
        assertThat(changedLines(before, Files.readString(config))).containsExactly(
                "Host trailing   # jhosts: tags=t1 description=\"on the line\" -> "
                        + "Host trailing   # jhosts: tags=t1 group=Lab description=\"on the line\"",
                "\tPort 2200 -> \tPort 2201");
        assertThat(listed("trailing")).contains("\"port\":2201", "\"tags\":[\"t1\"]", "\"group\":\"Lab\"");

        String middle = Files.readString(config);
        Processes.Result cleared = jhosts("host", "edit", "trailing", "--no-tags", "--group", "", "--description", "");
        assertThat(cleared.exitCode()).as(cleared.describe()).isZero();
        assertThat(changedLines(middle, Files.readString(config))).containsExactly(
                "Host trailing   # jhosts: tags=t1 group=Lab description=\"on the line\" -> Host trailing");
        assertThat(listed("trailing")).contains("\"tags\":[]", "\"group\":\"\"", "\"description\":\"\"");
    }

    @Test
    void aNewHostGetsItsNotes() throws Exception {
        Processes.Result result = jhosts("host", "add", "fresh", "--hostname", "f.example.com", "--tag", "new",
                "--description", "just made");

        assertThat(result.exitCode()).as(result.describe()).isZero();
        assertThat(Files.readString(config)).contains("Host fresh\r\n\tHostName f.example.com\r\n"
                + "\t# jhosts: tags=new description=\"just made\"\r\n\r\nHost *\r\n");
        assertThat(listed("fresh")).contains("\"tags\":[\"new\"]", "\"description\":\"just made\"");
    }

    @Test
    void controlCharactersSeveralNamesAndSeveralNotesCommentsAreRefusedWithNothingWritten() throws Exception {
        byte[] before = Files.readAllBytes(config);

        Processes.Result control = jhosts("host", "edit", "plain", "--description", "two\nlines");
        assertThat(control.exitCode()).as(control.describe()).isEqualTo(2);
        assertThat(control.stderr()).contains("control character");
        Processes.Result both = jhosts("host", "edit", "plain", "--tag", "a", "--no-tags");
        assertThat(both.exitCode()).isEqualTo(2);
        Processes.Result pair = jhosts("host", "edit", "pair1", "--tag", "a");
        assertThat(pair.exitCode()).as(pair.describe()).isEqualTo(2);
        assertThat(pair.stderr()).contains("names pair1 pair2").contains("--split");
        assertThat(Files.readAllBytes(config)).isEqualTo(before);
        assertThat(backups()).isZero();

        Files.writeString(config, Files.readString(config).replace("\tPort 2200\r\n", "\tPort 2200\r\n\t# jhosts: group=G\r\n"));
        byte[] twice = Files.readAllBytes(config);
        Processes.Result several = jhosts("host", "edit", "trailing", "--tag", "x");
        assertThat(several.exitCode()).as(several.describe()).isEqualTo(2);
        assertThat(several.stderr()).contains("2 comments").contains("merge them");
        assertThat(Files.readAllBytes(config)).isEqualTo(twice);

        Processes.Result split = jhosts("host", "edit", "pair1", "--tag", "a", "--split");
        assertThat(split.exitCode()).as(split.describe()).isZero();
        assertThat(listed("pair1")).contains("\"tags\":[\"a\"]", "\"port\":2300");
        assertThat(listed("pair2")).contains("\"tags\":[]");
    }
}
