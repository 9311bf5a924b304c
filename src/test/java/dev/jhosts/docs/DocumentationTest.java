package dev.jhosts.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import dev.jhosts.testing.Processes;
import dev.jhosts.testing.Requirements;
import dev.jhosts.tui.state.KeyAction;
import dev.jhosts.tui.state.KeyMode;
import dev.jhosts.tui.state.KeyNames;
import dev.jhosts.tui.state.Keymap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The man page renders without warnings and, with the README, names every setting and subcommand. */
class DocumentationTest {
    private static final Path MAN = Path.of("man/jhosts.1");

    private static Set<String> settingKeys() {
        return ConfigFactory.parseResources("reference.conf").getConfig("jhosts").root().keySet();
    }

    @Test
    void manPageRendersWithoutWarnings() {
        Requirements.requireCommand("groff", "groff-base");
        Processes.Result groff = Processes.run(List.of("groff", "-man", "-ww", "-Tutf8", MAN.toString()),
                Map.of(), Duration.ofSeconds(60));
        assertThat(groff.exitCode()).as(groff.describe()).isZero();
        assertThat(groff.stderr()).isEmpty();
    }

    @Test
    void everySettingIsDocumented() throws Exception {
        String man = Files.readString(MAN).replace("\\-", "-");
        String readme = Files.readString(Path.of("README.md"));
        String sample = Files.readString(Path.of("config-samples/jhosts.conf"));
        for (String key : settingKeys()) {
            assertThat(man).as("man page documents %s", key).contains(key);
            assertThat(readme).as("README documents %s", key).contains("`" + key + "`");
            assertThat(sample).as("config-samples/jhosts.conf shows %s", key).contains(key + " =");
        }
    }

    @Test
    void everySubcommandIsDocumented() throws Exception {
        String man = Files.readString(MAN).replace("\\-", "-");
        String readme = Files.readString(Path.of("README.md"));
        Set<String> commands = Set.of("list", "connect", "master start", "master list", "master check",
                "master stop", "master exit", "master kill", "forward", "probe", "demo", "completion", "doctor", "run", "ssh-config", "cp",
                "host add", "host edit", "host rm", "sessions", "attach", "server status", "server stop", "server run");
        for (String command : commands) {
            assertThat(readme).as("README documents %s", command).contains("jhosts " + command);
        }
        Set<String> manWords = java.util.Arrays.stream(man.split("\\s+")).collect(Collectors.toSet());
        assertThat(manWords).contains("list", "connect", "start", "check", "stop", "exit", "kill", "forward",
                "probe", "demo", "completion", "doctor", "run", "ssh-config", "cp");
    }

    @Test
    void theManPageGivesTheExitStatusOfEverySubcommand() throws Exception {
        String man = Files.readString(MAN).replace("\\-", "-");
        String exitStatus = man.substring(man.indexOf(".SH EXIT STATUS"), man.indexOf(".SH FILES"));
        for (String command : List.of("jhosts", "list", "connect", "master start", "master list", "master check",
                "master stop", "master exit", "master kill", "forward", "completion", "doctor", "host add")) {
            assertThat(exitStatus).as("EXIT STATUS names %s", command).containsPattern("(?m)^\\.(B|BR) .*\\b" + command + "\\b");
        }
    }

    /**
     * The manual page's key tables are the key map's, both ways: each mode's section ({@code .SS
     * Keys in ...}) has exactly one row per bound action, in the table's order, with its keys and
     * its help text as the first line (more may follow); a row in italics is a note, not a key;
     * and every {@code Keys in} section is a mode's. A failure shows the rows to write.
     */
    @Test
    void theManPagesKeyTablesAreTheKeyMaps() throws Exception {
        String man = Files.readString(MAN);
        Keymap keys = Keymap.defaults();
        List<String> titles = new ArrayList<>();
        for (KeyMode mode : KeyMode.values()) {
            titles.add(mode.manSection());
            List<ManKeyRow> expected = new ArrayList<>();
            for (KeyAction action : Keymap.actions(mode)) {
                List<String> written = keys.shownKeys(action).stream().map(KeyNames::written).toList();
                if (!written.isEmpty()) {
                    expected.add(new ManKeyRow(written, Character.toUpperCase(action.help().charAt(0))
                            + action.help().substring(1) + "."));
                }
            }
            String troff = expected.stream().map(ManKeyRow::troff).collect(Collectors.joining("\n"));
            if (expected.isEmpty()) {
                assertThat(man).as("no keys in %s yet: no section", mode.word()).doesNotContain(".SS " + mode.manSection());
                continue;
            }
            assertThat(man).as("the man page has .SS %s with these rows:%n%s", mode.manSection(), troff)
                    .contains(".SS " + mode.manSection() + "\n");
            assertThat(ManKeyRow.parse(man, mode.manSection()))
                    .as("the man page's %s are the %s table's; write:%n.SS %s%n%s", mode.manSection(), mode.word(),
                            mode.manSection(), troff)
                    .containsExactlyElementsOf(expected);
        }
        Matcher sections = Pattern.compile("(?m)^\\.SS (Keys .*)$").matcher(man);
        while (sections.find()) {
            assertThat(titles).as("the man page's section %s is a key mode's", sections.group(1)).contains(sections.group(1));
        }
    }

    /** A row of a key table in the man page: the keys as written, and the first line of text. */
    private record ManKeyRow(List<String> keys, String text) {
        String troff() {
            List<String> escaped = keys.stream().map(ManKeyRow::escape).toList();
            String tag = escaped.size() == 1 ? ".B " + escaped.get(0) : ".BR " + String.join(" \", \" ", escaped);
            return ".TP\n" + tag + "\n" + escape(text);
        }

        private static String escape(String text) {
            return text.replace("\\", "\\e").replace("-", "\\-");
        }

        private static String unescape(String text) {
            return text.replace("\\-", "-").replace("\\e", "\\").replace("\\\\", "\\").replace("\\(ti", "~")
                    .replace("\\(en", "\u2013");
        }

        /** The rows of the section titled {@code title}: each .TP whose tag is bold (an italic tag is a note). */
        static List<ManKeyRow> parse(String man, String title) {
            int start = man.indexOf(".SS " + title + "\n");
            Matcher next = Pattern.compile("(?m)^\\.S[SH] ").matcher(man);
            int end = next.find(start + 1) ? next.start() : man.length();
            List<String> lines = man.substring(start, end).lines().toList();
            List<ManKeyRow> rows = new ArrayList<>();
            for (int i = 0; i + 2 < lines.size(); i++) {
                if (!lines.get(i).equals(".TP") || lines.get(i + 1).startsWith(".I ")) {
                    continue;
                }
                rows.add(new ManKeyRow(tagKeys(lines.get(i + 1)), unescape(lines.get(i + 2))));
            }
            return rows;
        }

        /** {@code .B Enter} is one key; {@code .BR Up ", " Ctrl\-P} alternates keys and separators. */
        private static List<String> tagKeys(String tag) {
            List<String> words = new ArrayList<>();
            Matcher word = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(tag.substring(tag.indexOf(' ') + 1));
            while (word.find()) {
                words.add(word.group(1) != null ? word.group(1) : word.group(2));
            }
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < words.size(); i += 2) {
                keys.add(unescape(words.get(i)));
            }
            return tag.startsWith(".B ") ? List.of(unescape(String.join(" ", words))) : keys;
        }
    }
}
