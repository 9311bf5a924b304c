package dev.jhosts.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import dev.jhosts.testing.Processes;
import dev.jhosts.testing.Requirements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
                "host add", "host edit", "host rm");
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

    /** Every key of the picker's key lists (which the help and the footer are drawn from) is in the man page. */
    @Test
    void everyKeyOfThePickerIsInTheManPage() throws Exception {
        String man = Files.readString(MAN).replace("\\-", "-").replace("\\(ti", "~").replace("\\\\", "\\");
        List<List<dev.jhosts.tui.state.KeyHelp.Line>> modes = List.of(dev.jhosts.tui.state.KeyHelp.HOST_LIST,
                dev.jhosts.tui.state.KeyHelp.SESSION, dev.jhosts.tui.state.KeyHelp.STATUS_PANE,
                dev.jhosts.tui.state.KeyHelp.FORWARDS, dev.jhosts.tui.state.KeyHelp.RUN_RESULTS);
        for (List<dev.jhosts.tui.state.KeyHelp.Line> mode : modes) {
            for (dev.jhosts.tui.state.KeyHelp.Line line : mode) {
                for (String key : line.keys().split(" ")) {
                    if (key.equals("type") || key.contains(":")) {
                        continue;
                    }
                    String written = key.length() == 2 && key.charAt(0) == '^' && Character.isLetter(key.charAt(1))
                            ? "Ctrl-" + key.charAt(1) : key;
                    assertThat(man).as("the man page names the key %s (%s)", key, line.action()).contains(written);
                }
            }
        }
    }
}
