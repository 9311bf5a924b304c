package dev.jhosts.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigLineParserTest {
    private final ConfigLineParser parser = new ConfigLineParser(Set.of("host", "user"));

    private ConfigLine parse(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return parser.parse(bytes, 0, bytes.length);
    }

    private static ConfigLine.Directive directive(String keyword, String rest, String comment, String... arguments) {
        return new ConfigLine.Directive(keyword, List.of(arguments), rest, comment);
    }

    @Test
    void keywordAndValueAreSeparatedBySpaceOrOneEquals() {
        assertThat(parse("User alice")).isEqualTo(directive("user", "alice", "", "alice"));
        assertThat(parse("User=alice")).isEqualTo(directive("user", "alice", "", "alice"));
        assertThat(parse("  User = alice  ")).isEqualTo(directive("user", "alice", "", "alice"));
        assertThat(parse("USER\t=\talice")).isEqualTo(directive("user", "alice", "", "alice"));
        assertThat(parse("User==alice")).isEqualTo(directive("user", "alice", "", "=alice"));
    }

    @Test
    void quotesGroupAndEscapesWork() {
        assertThat(parse("Host \"a b\" 'c d' e\\ f g\\\"h"))
                .isEqualTo(directive("host", "\"a b\" 'c d' e\\ f g\\\"h", "", "a b", "c d", "e f", "g\"h"));
        assertThat(parse("Host x\"y z\"w")).isEqualTo(directive("host", "x\"y z\"w", "", "xy zw"));
        assertThat(parse("Host \"open")).isEqualTo(new ConfigLine.Malformed("host", "invalid quotes"));
    }

    @Test
    void aWordStartingWithHashEndsTheArguments() {
        assertThat(parse("Host a b # jhosts: tags=x")).isEqualTo(directive("host", "a b # jhosts: tags=x", " jhosts: tags=x", "a", "b"));
        assertThat(parse("Host a#b")).isEqualTo(directive("host", "a#b", "", "a#b"));
        assertThat(parse("  # just a comment")).isEqualTo(new ConfigLine.Comment(" just a comment"));
        assertThat(parse("#")).isEqualTo(new ConfigLine.Comment(""));
    }

    @Test
    void blankLinesAndMissingArguments() {
        assertThat(parse("")).isInstanceOf(ConfigLine.Blank.class);
        assertThat(parse(" \t \r")).isInstanceOf(ConfigLine.Blank.class);
        assertThat(parse("Host")).isEqualTo(new ConfigLine.Malformed("host", "no argument after keyword \"host\""));
        assertThat(parse("Host =  ")).isEqualTo(new ConfigLine.Malformed("host", "no argument after keyword \"host\""));
    }

    @Test
    void argumentsAreOnlySplitForKeywordsAskedFor() {
        assertThat(parse("ProxyCommand ssh -W %h:%p \"gw\" # kept"))
                .isEqualTo(directive("proxycommand", "ssh -W %h:%p \"gw\" # kept", ""));
    }

    @Test
    void theLineEndsAtNulAndTrailingFormFeed() {
        byte[] bytes = "User bob\0 ignored\f".getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(bytes, 0, bytes.length)).isEqualTo(directive("user", "bob", "", "bob"));
        byte[] trailing = "User bob\f\r".getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(trailing, 0, trailing.length)).isEqualTo(directive("user", "bob", "", "bob"));
    }

    @Test
    void invalidUtf8IsReplacedNotFatal() {
        byte[] bytes = {'H', 'o', 's', 't', ' ', 'a', (byte) 0xff, 'b'};
        assertThat(parser.parse(bytes, 0, bytes.length)).isEqualTo(directive("host", "a\ufffdb", "", "a\ufffdb"));
    }
}
