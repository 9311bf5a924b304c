package dev.jhosts.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigLineParserTest {
    private final ConfigLineParser parser = new ConfigLineParser("jhosts:");

    private ConfigLine parse(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return parser.parse(bytes, 0, bytes.length);
    }

    private static ConfigLine.Directive directive(Keyword keyword, String rest, String comment, String... arguments) {
        return new ConfigLine.Directive(keyword, List.of(arguments), rest, comment);
    }

    @Test
    void keywordAndValueAreSeparatedBySpaceOrOneEquals() {
        assertThat(parse("User alice")).isEqualTo(directive(Keyword.USER, "", "", "alice"));
        assertThat(parse("User=alice")).isEqualTo(directive(Keyword.USER, "", "", "alice"));
        assertThat(parse("  User = alice  ")).isEqualTo(directive(Keyword.USER, "", "", "alice"));
        assertThat(parse("USER\t=\talice")).isEqualTo(directive(Keyword.USER, "", "", "alice"));
        assertThat(parse("User==alice")).isEqualTo(directive(Keyword.USER, "", "", "=alice"));
    }

    @Test
    void quotesGroupAndEscapesWork() {
        assertThat(parse("Host \"a b\" 'c d' e\\ f g\\\"h"))
                .isEqualTo(directive(Keyword.HOST, "", "", "a b", "c d", "e f", "g\"h"));
        assertThat(parse("Host x\"y z\"w")).isEqualTo(directive(Keyword.HOST, "", "", "xy zw"));
        assertThat(parse("Host \"open")).isEqualTo(new ConfigLine.Malformed("host", "invalid quotes"));
    }

    @Test
    void aWordStartingWithHashEndsTheArguments() {
        assertThat(parse("Host a b # jhosts: tags=x")).isEqualTo(directive(Keyword.HOST, "", " jhosts: tags=x", "a", "b"));
        assertThat(parse("Host a#b")).isEqualTo(directive(Keyword.HOST, "", "", "a#b"));
        assertThat(parse("  # just a comment")).isEqualTo(new ConfigLine.Comment(""));
        assertThat(parse("#")).isEqualTo(new ConfigLine.Comment(""));
        assertThat(parse("\t#  JHOSTS: favourite")).isEqualTo(new ConfigLine.Comment("  JHOSTS: favourite"));
    }

    @Test
    void blankLinesAndMissingArguments() {
        assertThat(parse("")).isInstanceOf(ConfigLine.Blank.class);
        assertThat(parse(" \t \r")).isInstanceOf(ConfigLine.Blank.class);
        assertThat(parse("Host")).isEqualTo(new ConfigLine.Malformed("host", "no argument after keyword \"host\""));
        assertThat(parse("Host =  ")).isEqualTo(new ConfigLine.Malformed("host", "no argument after keyword \"host\""));
    }

    @Test
    void proxyCommandKeepsTheRestOfTheLineAndOtherKeywordsNothing() {
        assertThat(parse("ProxyCommand = ssh -W %h:%p \"gw\" # kept"))
                .isEqualTo(directive(Keyword.PROXYCOMMAND, "ssh -W %h:%p \"gw\" # kept", ""));
        assertThat(parse("IdentityFile ~/.ssh/id")).isEqualTo(directive(Keyword.OTHER, "", ""));
        assertThat(parse("IdentityFile")).isEqualTo(new ConfigLine.Malformed("identityfile", "no argument after keyword \"identityfile\""));
        assertThat(parse("\"Host\" quoted-keyword")).isEqualTo(directive(Keyword.HOST, "", "", "quoted-keyword"));
    }

    @Test
    void theLineEndsAtNulAndTrailingFormFeed() {
        byte[] bytes = "User bob\0 ignored\f".getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(bytes, 0, bytes.length)).isEqualTo(directive(Keyword.USER, "", "", "bob"));
        byte[] trailing = "User bob\f\r".getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(trailing, 0, trailing.length)).isEqualTo(directive(Keyword.USER, "", "", "bob"));
    }

    @Test
    void invalidUtf8IsReplacedNotFatal() {
        byte[] bytes = {'H', 'o', 's', 't', ' ', 'a', (byte) 0xff, 'b'};
        assertThat(parser.parse(bytes, 0, bytes.length)).isEqualTo(directive(Keyword.HOST, "", "", "a\ufffdb"));
    }
}
