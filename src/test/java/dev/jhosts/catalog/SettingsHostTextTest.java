package dev.jhosts.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jhosts.catalog.SettingsHostText.Change;
import dev.jhosts.catalog.SettingsHostText.Value;
import dev.jhosts.config.HostEntry;
import dev.jhosts.config.Locations;
import dev.jhosts.config.SettingsLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text edits of an entry of the {@code hosts} setting, on many shapes of HOCON: each result is
 * the text before with only the entry's changed values different, and jhosts' own settings loader
 * reads it with the new values.
 */
class SettingsHostTextTest {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("jhosts.conf");
    }

    private String set(String text, String alias, Change... changes) throws Exception {
        return SettingsHostText.set(file(), text, alias, List.of(changes));
    }

    private static Change text(String key, String value) {
        return new Change(key, new Value.Text(value));
    }

    private static Change port(String value) {
        return new Change("port", new Value.Number(value));
    }

    private static Change absent(String key) {
        return new Change(key, new Value.Absent());
    }

    /** The entries jhosts' settings loader reads from {@code text}. */
    private List<HostEntry> loaded(String text) throws Exception {
        Locations locations = Locations.of(Map.of("HOME", dir.toString()), dir);
        return new SettingsLoader(locations).loadText(file(), text).hosts();
    }

    private HostEntry entry(String text, String alias) throws Exception {
        return loaded(text).stream().filter(entry -> entry.alias().equals(alias)).findFirst().orElseThrow();
    }

    @Test
    void aValueOfAMultiLineEntryChangesOnItsLineKeepingTabsCrlfAndTheTrailingComment() throws Exception {
        String before = "# mine\r\nhosts = [\r\n  {\r\n    name = \"box\"\r\n\thostname = \"10.1.1.1\"   # lab\r\n"
                + "    port = 22\r\n  }\r\n]\r\n";

        String after = set(before, "box", text("hostname", "10.2.2.2"), port("2222"));

        assertThat(after).isEqualTo("# mine\r\nhosts = [\r\n  {\r\n    name = \"box\"\r\n\thostname = \"10.2.2.2\"   # lab\r\n"
                + "    port = 2222\r\n  }\r\n]\r\n");
        assertThat(entry(after, "box").port()).isEqualTo(2222);
        assertThat(entry(after, "box").hostname()).isEqualTo("10.2.2.2");
    }

    @Test
    void aNewFieldOfAMultiLineEntryIsALineAfterItsLastWithThatLinesIndentationAndEnding() throws Exception {
        String before = "hosts = [\r\n  {\r\n    name = \"box\"\r\n    hostname = \"10.1.1.1\"  # lab\r\n  }\r\n"
                + "  { name = \"other\", hostname = \"o\" }\r\n]\r\n";

        String after = set(before, "box", text("user", "bob"), text("group", "lab"));

        assertThat(after).isEqualTo("hosts = [\r\n  {\r\n    name = \"box\"\r\n    hostname = \"10.1.1.1\"  # lab\r\n"
                + "    user = \"bob\"\r\n    group = \"lab\"\r\n  }\r\n  { name = \"other\", hostname = \"o\" }\r\n]\r\n");
        assertThat(entry(after, "box").user()).isEqualTo("bob");
        assertThat(entry(after, "box").group()).isEqualTo("lab");
    }

    @Test
    void commasBetweenFieldsOnlyGiveTheOldLastFieldOneAndCommasAfterEachGiveTheNewOneItsOwn() throws Exception {
        String json = "hosts: [\n  {\n    \"alias\": \"box\",\n    \"hostname\": \"h\"\n  }\n]\n";
        String afterJson = set(json, "box", port("2200"));
        assertThat(afterJson).isEqualTo("hosts: [\n  {\n    \"alias\": \"box\",\n    \"hostname\": \"h\",\n"
                + "    \"port\": 2200\n  }\n]\n");
        assertThat(entry(afterJson, "box").port()).isEqualTo(2200);

        String trailing = "hosts = [\n  {\n    alias = box,\n    hostname = h,\n  }\n]\n";
        String afterTrailing = set(trailing, "box", text("user", "ann"));
        assertThat(afterTrailing).isEqualTo("hosts = [\n  {\n    alias = box,\n    hostname = h,\n    user = ann,\n  }\n]\n");
        assertThat(entry(afterTrailing, "box").user()).isEqualTo("ann");
    }

    @Test
    void anInlineEntryIsEditedInPlaceWithItsOwnSeparators() throws Exception {
        String before = "hosts = [\n  { alias = web, hostname = web.example.com, port = 22 }  # the web box\n"
                + "  { alias = db, hostname = db.example.com }\n]\n";

        assertThat(set(before, "web", port("8022"))).isEqualTo(before.replace("port = 22 }", "port = 8022 }"));
        String added = set(before, "db", text("user", "postgres"), text("description", "the \"main\" db"));
        assertThat(added).isEqualTo(before.replace("hostname = db.example.com }",
                "hostname = db.example.com, user = postgres, description = \"the \\\"main\\\" db\" }"));
        assertThat(entry(added, "db").description()).isEqualTo("the \"main\" db");
        assertThat(entry(added, "web")).isEqualTo(entry(before, "web"));

        String compact = "hosts=[{alias=web,hostname=w}]\n";
        assertThat(set(compact, "web", text("user", "u"))).isEqualTo("hosts=[{alias=web,hostname=w,user=u}]\n");
    }

    @Test
    void aRemovedFieldTakesItsLineOrItsCommaAndNothingElse() throws Exception {
        String lines = "hosts = [\n  {\n    alias = box\n    hostname = h\n    user = bob   # old login\n    port = 2\n  }\n]\n";
        assertThat(set(lines, "box", absent("user"))).isEqualTo(lines.replace("    user = bob   # old login\n", ""));

        String inline = "hosts = [ { alias = box, user = bob, hostname = h, port = 2 } ]\n";
        assertThat(set(inline, "box", absent("user"))).isEqualTo("hosts = [ { alias = box, hostname = h, port = 2 } ]\n");
        String lastGone = set(inline, "box", absent("port"));
        assertThat(lastGone).isEqualTo("hosts = [ { alias = box, user = bob, hostname = h } ]\n");
        assertThat(entry(lastGone, "box").port()).isZero();
        // A field that is not there stays not there: nothing changes.
        assertThat(set(inline, "box", absent("group"))).isEqualTo(inline);
    }

    @Test
    void quotedKeysColonsAndUnquotedValuesKeepTheirStyle() throws Exception {
        String quotedKeys = "hosts = [\n  { \"alias\" : \"box\", \"hostname\" : \"h\" }\n]\n";
        assertThat(set(quotedKeys, "box", text("user", "ann"))).isEqualTo(
                "hosts = [\n  { \"alias\" : \"box\", \"hostname\" : \"h\", \"user\" : \"ann\" }\n]\n");

        String unquoted = "hosts = [\n  { alias: box, hostname: h.example.com }\n]\n";
        String after = set(unquoted, "box", text("hostname", "10.0.0.7"), text("user", "deploy"), text("group", "true"));
        // A value HOCON would read as a number-like word or a boolean is quoted; a plain word is not.
        assertThat(after).isEqualTo("hosts = [\n  { alias: box, hostname: \"10.0.0.7\", user: deploy, group: \"true\" }\n]\n");
        HostEntry entry = entry(after, "box");
        assertThat(entry.hostname()).isEqualTo("10.0.0.7");
        assertThat(entry.group()).isEqualTo("true");
    }

    @Test
    void tagsAreWrittenAsAListInTheListsOwnQuoting() throws Exception {
        String before = "hosts = [\n  { alias = box, hostname = h, tags = [prod, web] }\n]\n";
        String after = set(before, "box", new Change("tags", new Value.Words(List.of("prod", "db"))));
        assertThat(after).isEqualTo("hosts = [\n  { alias = box, hostname = h, tags = [prod, db] }\n]\n");
        assertThat(entry(after, "box").tags()).containsExactly("prod", "db");

        String quoted = "hosts = [\n  { alias = \"box\", hostname = \"h\", tags = [\"prod\"] }\n]\n";
        assertThat(set(quoted, "box", new Change("tags", new Value.Words(List.of("a", "b")))))
                .contains("tags = [\"a\", \"b\"]");
        assertThat(set(quoted, "box", absent("tags"))).isEqualTo("hosts = [\n  { alias = \"box\", hostname = \"h\" }\n]\n");
    }

    @Test
    void aListWrittenOneTagALineKeepsItsLayoutAndOneWithCommentsIsRefused() throws Exception {
        String before = "hosts = [\r\n  {\r\n    alias = box\r\n    hostname = h\r\n    tags = [\r\n      prod,\r\n"
                + "      web\r\n    ]\r\n  }\r\n]\r\n";
        String after = set(before, "box", new Change("tags", new Value.Words(List.of("prod", "web", "db"))));
        assertThat(after).isEqualTo(before.replace("      web\r\n", "      web,\r\n      db\r\n"));
        assertThat(entry(after, "box").tags()).containsExactly("prod", "web", "db");

        String commented = before.replace("      prod,\r\n", "      prod,  # the live one\r\n");
        assertThatThrownBy(() -> set(commented, "box", new Change("tags", new Value.Words(List.of("db")))))
                .hasMessage(file() + ":6: the list there has comments between its elements, which rewriting it would "
                        + "lose: edit it by hand");
    }

    @Test
    void theJhostsBlockTheDottedPathAndAppendedEntriesAreFound() throws Exception {
        String wrapped = "jhosts {\n  ssh-binary = ssh\n  hosts = [\n    { alias = box, hostname = h }\n  ]\n}\n";
        String after = set(wrapped, "box", port("2"));
        assertThat(after).isEqualTo(wrapped.replace("hostname = h }", "hostname = h, port = 2 }"));
        assertThat(entry(after, "box").port()).isEqualTo(2);

        String appended = "hosts = [\n  { alias = a, hostname = h }\n]\nhosts += { alias = b, hostname = i }\n";
        String changed = set(appended, "b", text("hostname", "j"));
        assertThat(changed).isEqualTo(appended.replace("hostname = i", "hostname = j"));
        assertThat(entry(changed, "b").hostname()).isEqualTo("j");
    }

    @Test
    void anEntryClosedOnItsLastLineAFileInBracesAndATabIndentedEntryKeepTheirShape() throws Exception {
        String closedOnLast = "hosts = [\n  { alias = box\n    hostname = h }\n]\n";
        String after = set(closedOnLast, "box", text("user", "u"));
        assertThat(after).isEqualTo("hosts = [\n  { alias = box\n    hostname = h, user = u }\n]\n");
        assertThat(entry(after, "box").user()).isEqualTo("u");

        String braces = "{\n  \"hosts\": [\n    {\n      \"alias\": \"box\",\n      \"hostname\": \"h\"\n    }\n  ]\n}\n";
        String json = set(braces, "box", port("2"), text("hostname", "g"));
        assertThat(json).isEqualTo(braces.replace("\"hostname\": \"h\"\n", "\"hostname\": \"g\",\n      \"port\": 2\n"));
        assertThat(entry(json, "box").port()).isEqualTo(2);

        String tabs = "hosts = [\n\t{\n\t\talias = box\n\t\thostname = h\n\t}\n]\n";
        assertThat(set(tabs, "box", text("group", "lab"))).isEqualTo(
                "hosts = [\n\t{\n\t\talias = box\n\t\thostname = h\n\t\tgroup = lab\n\t}\n]\n");
    }

    @Test
    void stringsCommentsAndOtherSettingsThatLookLikeEntriesDoNotConfuseIt() throws Exception {
        String before = "// hosts = [ { alias = box, hostname = wrong } ]\n"
                + "prompts { }\n"
                + "hosts = [\n"
                + "  { alias = other, hostname = o, group = \"} { alias = box\", description = \"\"\"a \"quoted\" } thing\"\"\" }\n"
                + "  { alias = box, hostname = right }  // the real one\n"
                + "]\n";
        String after = set(before, "box", text("hostname", "righter"));
        assertThat(after).isEqualTo(before.replace("hostname = right }", "hostname = righter }"));
        assertThat(entry(after, "box").hostname()).isEqualTo("righter");
        assertThat(entry(after, "other")).isEqualTo(entry(before, "other"));
    }

    @Test
    void removingAnEntryTakesItsLinesAndItsOwnCommentAndLeavesItsNeighboursComments() throws Exception {
        String before = "hosts = [\r\n"
                + "  # the web box\r\n"
                + "  {\r\n    alias = web\r\n    hostname = w\r\n  }\r\n"
                + "  # the database\r\n"
                + "  { alias = db, hostname = d },\r\n"
                + "  { alias = mail, hostname = m }\r\n"
                + "]\r\n";

        assertThat(SettingsHostText.remove(file(), before, "web")).isEqualTo("hosts = [\r\n"
                + "  # the database\r\n  { alias = db, hostname = d },\r\n  { alias = mail, hostname = m }\r\n]\r\n");
        String withoutDb = SettingsHostText.remove(file(), before, "db");
        assertThat(withoutDb).isEqualTo("hosts = [\r\n  # the web box\r\n  {\r\n    alias = web\r\n    hostname = w\r\n"
                + "  }\r\n  { alias = mail, hostname = m }\r\n]\r\n");
        assertThat(loaded(withoutDb)).extracting(HostEntry::alias).containsExactly("web", "mail");
    }

    @Test
    void removingAnEntryOfAnInlineListTakesItsComma() throws Exception {
        String before = "hosts = [{ alias = a, hostname = h }, { alias = b, hostname = i }, { alias = c, hostname = j }]\n";
        assertThat(SettingsHostText.remove(file(), before, "a"))
                .isEqualTo("hosts = [{ alias = b, hostname = i }, { alias = c, hostname = j }]\n");
        assertThat(SettingsHostText.remove(file(), before, "b"))
                .isEqualTo("hosts = [{ alias = a, hostname = h }, { alias = c, hostname = j }]\n");
        String withoutC = SettingsHostText.remove(file(), before, "c");
        assertThat(withoutC).isEqualTo("hosts = [{ alias = a, hostname = h }, { alias = b, hostname = i }]\n");
        assertThat(loaded(withoutC)).extracting(HostEntry::alias).containsExactly("a", "b");
    }

    @Test
    void whatCannotBePlacedSafelyIsRefusedWithItsFileAndLine() {
        String substitution = "base = h\nhosts = [\n  { alias = box,\n    hostname = ${base} }\n]\n";
        assertThatThrownBy(() -> set(substitution, "box", port("2")))
                .isInstanceOf(SettingsHostText.Unsafe.class).hasMessage(file() + ":4: the entry of box uses a "
                        + "substitution (${...}); jhosts does not edit what it cannot read as written: edit it by hand");

        String built = "base = [{ alias = box, hostname = h }]\nhosts = ${base} [\n  { alias = other, hostname = o }\n]\n";
        assertThatThrownBy(() -> set(built, "box", port("2"))).hasMessageStartingWith(file() + ":2: the hosts setting "
                + "is built there with a substitution");

        String twice = "hosts = [\n  { alias = box, hostname = a }\n  { alias = box, hostname = b }\n]\n";
        assertThatThrownBy(() -> set(twice, "box", port("2"))).hasMessageStartingWith(file() + ":3: box has another "
                + "entry at line 2");

        String included = "hosts = [\n  { include \"more.conf\"\n    alias = box, hostname = h }\n]\n";
        assertThatThrownBy(() -> set(included, "box", port("2"))).hasMessageStartingWith(file() + ":2: the entry of box "
                + "includes another file");

        String fieldTwice = "hosts = [\n  { alias = box, port = 1\n    port = 2, hostname = h }\n]\n";
        assertThatThrownBy(() -> set(fieldTwice, "box", port("3"))).hasMessageStartingWith(file() + ":3: the entry sets "
                + "port twice");

        String concatenated = "hosts = [\n  { alias = box, hostname = h, description = one \"two\" }\n]\n";
        assertThatThrownBy(() -> set(concatenated, "box", text("description", "x")))
                .hasMessageStartingWith(file() + ":2: the value of description is written in several pieces");

        assertThatThrownBy(() -> set("hosts = []\n", "box", port("2"))).hasMessageContaining("no entry of box");
    }
}
