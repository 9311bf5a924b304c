package dev.jhosts.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text of host edits: one line per value, the file's own indentation and endings, comments where they belong. */
class BlockEditsTest {
    private static ConfigDocument doc(String text) {
        return ConfigDocument.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(ConfigDocument document) {
        return new String(document.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aFileWithoutAFinalLineEndingIsReadAndWrittenBackUnchanged() {
        String text = "Host a\r\n\tPort 1\n# end";
        assertThat(text(doc(text))).isEqualTo(text);
    }

    @Test
    void aNewOptionAfterTheLastOptionOfAFileWithoutFinalNewline() {
        ConfigDocument edited = BlockEdits.set(doc("Host a\n  HostName x"), 0, List.of(new BlockEdits.Change("User", "u")));
        assertThat(text(edited)).isEqualTo("Host a\n  HostName x\n  User u");
    }

    @Test
    void indentedCommentsAtTheEndStayWithTheBlockFlushOnesGoWithTheNext() {
        ConfigDocument document = doc("Host a\n  HostName x\n  # jhosts: tags=t\n\n# about b\nHost b\n  Port 2\n");
        BlockEdits.Block block = BlockEdits.block(document, 0);
        assertThat(block.end()).isEqualTo(3);
        assertThat(block.optionsEnd()).isEqualTo(2);
        assertThat(text(BlockEdits.removeBlock(document, 0))).isEqualTo("# about b\nHost b\n  Port 2\n");
        assertThat(text(BlockEdits.removeBlock(document, 5))).isEqualTo("Host a\n  HostName x\n  # jhosts: tags=t\n");
    }

    @Test
    void valuesAreReplacedWithTheirSeparatorQuotesAndTrailingCommentAround() {
        assertThat(BlockEdits.withValue("  Port=22 # old", "2222")).isEqualTo("  Port=2222 # old");
        assertThat(BlockEdits.withValue("\tIdentityFile \"~/my key\"  # laptop", "~/k")).isEqualTo("\tIdentityFile ~/k  # laptop");
        assertThat(BlockEdits.withValue("User a#b", "c")).isEqualTo("User c");
        assertThat(BlockEdits.withValue("HostName x   ", "y")).isEqualTo("HostName y   ");
    }

    @Test
    void aNameComesOffAHostLineWithItsBlanks() {
        assertThat(BlockEdits.withoutWord("Host a b c  # three", "b")).isEqualTo("Host a c  # three");
        assertThat(BlockEdits.withoutWord("Host a b", "a")).isEqualTo("Host b");
        assertThat(BlockEdits.withoutWord("  Host\ta\tb", "b")).isEqualTo("  Host\ta");
        assertThat(BlockEdits.withoutWord("Host \"a\" b", "a")).isEqualTo("Host b");
    }

    @Test
    void aNewOptionGoesBeforeAnIncludeOfTheBlockWhoseValuesWouldComeFirst() {
        ConfigDocument edited = BlockEdits.set(doc("Host a\n  User u\n  Include more\n  Compression yes\n"), 0,
                List.of(new BlockEdits.Change("Port", "2")));
        assertThat(text(edited)).isEqualTo("Host a\n  User u\n  Port 2\n  Include more\n  Compression yes\n");
    }

    @Test
    void removingAnOptionRemovesEveryLineOfItInTheBlockOnly() {
        ConfigDocument edited = BlockEdits.set(doc("Host a\n  Port 1\n  Port 2\nHost b\n  Port 3\n"), 0,
                List.of(new BlockEdits.Change("port", "")));
        assertThat(text(edited)).isEqualTo("Host a\nHost b\n  Port 3\n");
    }

    @Test
    void aNewBlockGoesBeforeTheClosingCatchAllsWithTheirComments() {
        ConfigDocument edited = BlockEdits.addBlock(doc("Host a\n\tPort 1\n\n# defaults\nHost *\n\tUser u\nMatch all\n\tUser v\n"),
                "n", List.of(new BlockEdits.Change("HostName", "n.example")));
        assertThat(text(edited)).isEqualTo("Host a\n\tPort 1\n\nHost n\n\tHostName n.example\n\n# defaults\nHost *\n\tUser u\n"
                + "Match all\n\tUser v\n");
        assertThat(text(BlockEdits.addBlock(doc(""), "n", List.of()))).isEqualTo("Host n\n");
    }
}
