package dev.jhosts.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Notes written as a {@code # jhosts:} comment read back to the same notes; the comment edited in place. */
class NotesEditTest {
    private static ConfigDocument doc(String text) {
        return ConfigDocument.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(ConfigDocument document) {
        return new String(document.bytes(), StandardCharsets.UTF_8);
    }

    private static HostNotes readBack(String comment) {
        NotesComment.Outcome outcome = NotesComment.read(comment);
        assertThat(outcome).isInstanceOf(NotesComment.Outcome.Notes.class);
        NotesComment.Outcome.Notes notes = (NotesComment.Outcome.Notes) outcome;
        assertThat(notes.problems()).isEmpty();
        return notes.notes();
    }

    @Test
    void hostileValuesReadBackAsWritten() {
        List<HostNotes> cases = List.of(
                new HostNotes(List.of("prod", "web"), "Production", "Front end, rack 4", true),
                new HostNotes(List.of("a b", "it's"), "say \"hi\"", "back\\slash \\\" and 'single' quotes", false),
                new HostNotes(List.of("x=y"), "group=other", "tags=evil favourite description=x", false),
                new HostNotes(List.of("#hash"), "# not a comment", "trailing \\", false),
                new HostNotes(List.of("ünï"), "Prod ☃", "\"", false),
                new HostNotes(List.of(), "", "'", false),
                new HostNotes(List.of("favourite"), "-g", "=", false));
        for (HostNotes notes : cases) {
            String written = NotesComment.write(notes);
            assertThat(readBack(written)).as(written).isEqualTo(notes);
            // As a line of a block, and as the Host line's trailing comment, read as the catalogue reads them.
            ConfigDocument line = BlockEdits.setNotes(doc("Host a\n  Port 2\n"), 0, -1, written);
            assertThat(BlockEdits.notesLines(line, 0)).containsExactly(2);
            assertThat(readBack(BlockEdits.notesText(line.line(2), false))).isEqualTo(notes);
            ConfigDocument trailing = BlockEdits.setNotes(doc("Host a # jhosts: tags=old\n"), 0, 0, written);
            assertThat(readBack(BlockEdits.notesText(trailing.line(0), true))).isEqualTo(notes);
            assertThat(ConfigDocument.arguments(trailing.line(0))).containsExactly("a");
        }
    }

    @Test
    void controlCharactersCommasInATagAndEmptyTagsAreRefused() {
        for (String bad : List.of("a\nb", "a\rb", "tab\there", "nul\0", "del\u007f", "nel\u0085", "ls\u2028")) {
            assertThatThrownBy(() -> NotesChange.NONE.withDescription(bad)).isInstanceOf(HostEditor.Refused.class);
            assertThatThrownBy(() -> NotesChange.NONE.withGroup(bad)).isInstanceOf(HostEditor.Refused.class);
            assertThatThrownBy(() -> NotesChange.NONE.withTags(List.of(bad))).isInstanceOf(HostEditor.Refused.class);
        }
        assertThatThrownBy(() -> NotesChange.NONE.withTags(List.of(""))).isInstanceOf(HostEditor.Refused.class);
        assertThatThrownBy(() -> NotesChange.NONE.withTags(List.of("a,,b"))).isInstanceOf(HostEditor.Refused.class);
    }

    @Test
    void tagsSplitOnCommasAndAChangeKeepsWhatItDoesNotSet() throws Exception {
        NotesChange change = NotesChange.NONE.withTags(List.of("web, db", "prod")).withGroup(" G ");
        HostNotes was = new HostNotes(List.of("old"), "Old", "kept", true);
        assertThat(change.applied(was)).isEqualTo(new HostNotes(List.of("web", "db", "prod"), "G", "kept", true));
        assertThat(NotesChange.NONE.withTags(List.of()).withDescription("").applied(was))
                .isEqualTo(new HostNotes(List.of(), "Old", "", true));
    }

    @Test
    void theNotesLineIsRewrittenInPlaceKeepingItsIndentationAndWhatPrecedesIt() {
        ConfigDocument document = doc("Host a\r\n\t#  JHOSTS: tags=x\r\n\tPort 2\r\nHost b\r\n");
        assertThat(BlockEdits.notesLines(document, 0)).containsExactly(1);
        assertThat(text(BlockEdits.setNotes(document, 0, 1, "jhosts: group=G")))
                .isEqualTo("Host a\r\n\t#  jhosts: group=G\r\n\tPort 2\r\nHost b\r\n");
        assertThat(text(BlockEdits.setNotes(document, 0, 1, ""))).isEqualTo("Host a\r\n\tPort 2\r\nHost b\r\n");
    }

    @Test
    void aTrailingNotesCommentOnTheHostLineIsRewrittenThereOrRemovedWithItsBlanks() {
        ConfigDocument document = doc("Host \"a\" b\t# jhosts: tags=x\n  Port 2\n");
        assertThat(BlockEdits.notesLines(document, 0)).containsExactly(0);
        assertThat(text(BlockEdits.setNotes(document, 0, 0, "jhosts: tags=y")))
                .isEqualTo("Host \"a\" b\t# jhosts: tags=y\n  Port 2\n");
        assertThat(text(BlockEdits.setNotes(document, 0, 0, ""))).isEqualTo("Host \"a\" b\n  Port 2\n");
    }

    @Test
    void aNewNotesLineGoesAfterTheBlocksOptionsIndentedAsThey() {
        ConfigDocument document = doc("Host a\n    HostName x\n    Include more\n\n# about b\nHost b\n");
        assertThat(BlockEdits.notesLines(document, 0)).isEmpty();
        assertThat(text(BlockEdits.setNotes(document, 0, -1, "jhosts: tags=t")))
                .isEqualTo("Host a\n    HostName x\n    # jhosts: tags=t\n    Include more\n\n# about b\nHost b\n");
        // Ordinary comments are not notes; a notes comment right above the next Host line is read as this block's.
        assertThat(BlockEdits.notesLines(doc("Host a # rack 4\n  # jhost: no\n  # jhosts: tags=t\nHost b\n"), 0))
                .containsExactly(2);
    }

    @Test
    void aSplitHostKeepsTheNotesAtTheEndOfTheSharedHostLine() {
        BlockEdits.Split split = BlockEdits.split(doc("Host a b  # jhosts: tags=t\n  Port 2\n"), 0, "b");
        assertThat(text(split.document())).isEqualTo("Host a  # jhosts: tags=t\n  Port 2\nHost b   # jhosts: tags=t\n  Port 2\n");
        assertThat(BlockEdits.notesLines(split.document(), split.header())).containsExactly(split.header());
        BlockEdits.Split plain = BlockEdits.split(doc("Host a b  # the pair\n  Port 2\n"), 0, "b");
        assertThat(text(plain.document())).isEqualTo("Host a  # the pair\n  Port 2\nHost b\n  Port 2\n");
    }
}
