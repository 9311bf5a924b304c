package dev.jhosts.tui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.SshdFixture;
import dev.jhosts.testing.Tmux;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The picker's host form in the built {@code target/jhosts} in a real terminal (tmux), on a
 * temporary ssh config: a port changed in exactly its one line and shown in the list and the
 * details; a bad port refused in the form with the file byte-identical; Esc cancels; a
 * several-name Host line split only after the picker asked.
 */
class HostFormInTmuxTest {
    private static final String CONFIG = String.join("\n",
            "# my hosts",
            "Host web",
            "\tHostName 127.0.0.1",
            "\tPort 1",
            "\tBatchMode yes",
            "",
            "# shared",
            "Host db db-old",
            "  HostName 127.0.0.2",
            "  Port 1",
            "  BatchMode yes",
            "");

    @TempDir
    Path dir;

    private Tmux tmux;
    private Path sshConfig;

    @AfterEach
    void closeTmux() {
        if (tmux != null) {
            tmux.close();
        }
    }

    private void launch() throws IOException {
        launch("");
    }

    private void launch(String settings) throws IOException {
        sshConfig = dir.resolve("ssh_config");
        Files.writeString(sshConfig, CONFIG);
        Path settingsFile = dir.resolve("config/jhosts/jhosts.conf");
        Files.createDirectories(settingsFile.getParent());
        Files.writeString(settingsFile, settings);
        Map<String, String> env = Map.of("TERM", "xterm-256color", "LANG", "C.UTF-8", "LC_ALL", "",
                "XDG_CONFIG_HOME", dir.resolve("config").toString(), "XDG_STATE_HOME", dir.resolve("state").toString(),
                "XDG_RUNTIME_DIR", dir.toString());
        tmux = Tmux.start(200, 30, env, SshdFixture.launcher().toAbsolutePath() + " -F " + sshConfig
                + "; echo \"jhosts exited $?\"; exec sleep 600");
        tmux.waitFor("db-old");
    }

    /** The lines of the file that differ from {@code before}'s, as "old -> new" (same number of lines). */
    private static List<String> changedLines(String before, String after) {
        String[] was = before.split("\n", -1);
        String[] now = after.split("\n", -1);
        assertThat(now).as("the number of lines").hasSameSizeAs(was);
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < was.length; i++) {
            if (!was[i].equals(now[i])) {
                changed.add(was[i] + " -> " + now[i]);
            }
        }
        return changed;
    }

    private String sshG(String alias) throws Exception {
        Process ssh = new ProcessBuilder("ssh", "-G", "-F", sshConfig.toString(), alias).redirectErrorStream(true).start();
        String out = new String(ssh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ssh.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void aPortChangedInTheFormIsOneLineAndTheListShowsItABadPortIsRefusedInTheFormEscCancels() throws Exception {
        launch();
        tmux.keys("C-e");
        String form = tmux.waitFor("edit web");
        assertThat(form).contains("its block at " + sshConfig + ":2").containsPattern("Port +1")
                .contains("Tab/S-Tab field  ^S save  Esc cancel");
        tmux.keys("Tab", "Tab", "C-u");
        tmux.type("2222");
        tmux.keys("C-s");
        String saved = tmux.waitFor("set Port 2222");
        assertThat(saved).contains("web: " + sshConfig + ": set Port 2222 (previous version: ");
        assertThat(changedLines(CONFIG, Files.readString(sshConfig))).containsExactly("\tPort 1 -> \tPort 2222");
        assertThat(sshG("web")).contains("\nport 2222\n");
        tmux.waitUntil(screen -> screen.contains("127.0.0.1:2222") && screen.contains("Port 2222  ProxyJump"),
                "the list row and the details with the new port");
        assertThat(tmux.screen()).doesNotContain("edit web");

        byte[] written = Files.readAllBytes(sshConfig);
        tmux.keys("C-e");
        tmux.waitFor("edit web");
        tmux.keys("Tab", "Tab", "C-u");
        tmux.type("x");
        tmux.keys("C-s");
        String refused = tmux.waitFor("not saved:");
        assertThat(refused).contains("edit web").contains("Bad port").containsPattern("Port +x");
        assertThat(Files.readAllBytes(sshConfig)).isEqualTo(written);

        tmux.keys("Escape");
        String cancelled = tmux.waitFor("web: not changed");
        assertThat(cancelled).doesNotContain("edit web").contains("127.0.0.1:2222");
        assertThat(Files.readAllBytes(sshConfig)).isEqualTo(written);

        // any other option, on the form's last line
        tmux.keys("C-e");
        assertThat(tmux.waitFor("edit web")).contains("BatchMode yes");
        tmux.keys("BTab");
        tmux.type("ServerAliveInterval 30");
        tmux.keys("Enter");
        tmux.waitFor("set ServerAliveInterval 30");
        assertThat(Files.readString(sshConfig)).isEqualTo(new String(written, StandardCharsets.UTF_8)
                .replace("\tBatchMode yes\n", "\tBatchMode yes\n\tServerAliveInterval 30\n"));
        assertThat(sshG("web")).contains("\nserveraliveinterval 30\n");
        tmux.keys("Escape");
        tmux.waitFor("jhosts exited 0");
    }

    @Test
    void tagsGroupAndDescriptionGoInOneNotesCommentAndTheFormReadsThemBack() throws Exception {
        launch();
        tmux.keys("C-e");
        assertThat(tmux.waitFor("edit web")).contains("Tags", "Group", "Description");
        tmux.keys("Tab", "Tab", "Tab", "Tab", "Tab");
        tmux.type("prod, web");
        tmux.keys("Tab");
        tmux.type("Production");
        tmux.keys("Tab");
        tmux.type("Front \"end\"");
        tmux.keys("C-s");
        tmux.waitFor("set tags prod,web, group Production");
        String notesLine = "\t# jhosts: tags=prod,web group=Production description=\"Front \\\"end\\\"\"";
        assertThat(Files.readString(sshConfig)).isEqualTo(CONFIG.replace("\tBatchMode yes\n",
                "\tBatchMode yes\n" + notesLine + "\n"));

        tmux.keys("C-e");
        String again = tmux.waitFor("edit web");
        assertThat(again).containsPattern("Tags +prod,web").containsPattern("Group +Production")
                .containsPattern("Description +Front \"end\"");
        tmux.keys("Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "C-u");
        tmux.keys("C-s");
        tmux.waitFor("group (removed)");
        assertThat(changedLines(CONFIG.replace("\tBatchMode yes\n", "\tBatchMode yes\n" + notesLine + "\n"),
                Files.readString(sshConfig))).containsExactly(notesLine + " -> "
                        + "\t# jhosts: tags=prod,web description=\"Front \\\"end\\\"\"");
    }

    @Test
    void aHostOnASeveralNameHostLineIsSplitOffOnlyOnceTheUserSaidYes() throws Exception {
        launch();
        tmux.type("db-old");
        tmux.keys("C-e");
        assertThat(tmux.waitFor("into a block of its own")).contains("'Host db db-old'");
        tmux.keys("n");
        tmux.waitFor("db-old: not edited");
        assertThat(Files.readString(sshConfig)).isEqualTo(CONFIG);

        tmux.keys("C-e");
        tmux.waitFor("into a block of its own");
        tmux.keys("y");
        tmux.waitFor("split off");
        tmux.keys("Tab", "Tab", "C-u");
        tmux.type("2200");
        tmux.keys("C-s");
        tmux.waitFor("moved db-old into a block of its own; set Port 2200");
        String now = Files.readString(sshConfig);
        assertThat(now).contains("Host db\n").contains("Host db-old\n").contains("\n  Port 2200");
        assertThat(sshG("db-old")).contains("\nport 2200\n");
        assertThat(sshG("db")).contains("\nport 1\n");
    }

    @Test
    void aHostOfTheSettingsIsEditedInItsEntryAndASourcesHostIsReadOnly() throws Exception {
        String settings = "# my own hosts\n"
                + "hosts = [\n"
                + "  {\n"
                + "    name = \"box\"\n"
                + "\thostname = \"127.0.0.9\"   # the lab box\n"
                + "    port = 1\n"
                + "  }\n"
                + "]\n"
                + "sources = [ { name = \"cmdb\", command = [\"sh\", \"-c\", "
                + "\"echo '[{\\\"alias\\\": \\\"inv1\\\", \\\"hostname\\\": \\\"127.0.0.8\\\"}]'\"] } ]\n";
        launch(settings);
        Path settingsFile = dir.resolve("config/jhosts/jhosts.conf");
        tmux.type("box");
        tmux.keys("C-e");
        String form = tmux.waitFor("edit box");
        assertThat(form).contains("jhosts.conf:3").containsPattern("Port +1").containsPattern("HostName +127.0.0.9");
        tmux.keys("Tab", "Tab", "C-u");
        tmux.type("2222");
        tmux.keys("C-s");
        String saved = tmux.waitFor("set Port 2222 in the entry of box");
        assertThat(saved).contains("box: " + settingsFile + ": set Port 2222").contains("previous version: ");
        assertThat(changedLines(settings, Files.readString(settingsFile))).containsExactly("    port = 1 ->     port = 2222");
        tmux.waitUntil(screen -> screen.contains("127.0.0.9:2222"), "the list row with the new port");

        // The settings are read again for each edit: one changed behind the picker's back (the
        // entry a line lower) is edited where the entry is now, and the first change stays.
        Files.writeString(settingsFile, "# moved\n" + Files.readString(settingsFile));
        tmux.keys("C-e");
        assertThat(tmux.waitFor("edit box")).containsPattern("Port +2222");
        tmux.keys("Tab");
        tmux.type("admin");
        tmux.keys("C-s");
        tmux.waitFor("set User admin in the entry of box");
        assertThat(Files.readString(settingsFile)).isEqualTo("# moved\n" + settings.replace("    port = 1\n",
                "    port = 2222\n    user = \"admin\"\n"));

        tmux.keys("C-u");
        tmux.type("inv1");
        tmux.waitFor("127.0.0.8");
        tmux.keys("C-e");
        assertThat(tmux.waitFor("inv1 is read-only here")).contains("comes from the source cmdb");
        tmux.keys("Escape");
        assertThat(Files.readString(sshConfig)).isEqualTo(CONFIG);
    }
}
