package dev.jhosts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainInvocationTest {
    @Test
    void pickerInvocationsAreRecognised() {
        assertThat(PlainInvocation.parse(new String[0])).containsInstanceOf(PlainInvocation.Picker.class);
        PlainInvocation picker = PlainInvocation.parse(new String[] {"-F", "cfg", "-c", "j.conf", "--debug"}).orElseThrow();
        assertThat(picker).isInstanceOf(PlainInvocation.Picker.class);
        assertThat(picker.global().sshConfig).isEqualTo(Path.of("cfg"));
        assertThat(picker.global().settingsFile).isEqualTo(Path.of("j.conf"));
        assertThat(picker.global().debug).isTrue();
    }

    @Test
    void connectWithAndWithoutACommand() {
        PlainInvocation shell = PlainInvocation.parse(new String[] {"-F", "cfg", "connect", "web1"}).orElseThrow();
        assertThat(shell).isEqualTo(new PlainInvocation.Connect(shell.global(), "web1", List.of()));
        assertThat(shell.global().sshConfig).isEqualTo(Path.of("cfg"));
        PlainInvocation command = PlainInvocation.parse(new String[] {"connect", "web1", "--", "ls", "-l", "--", "x"}).orElseThrow();
        assertThat(command).isEqualTo(new PlainInvocation.Connect(command.global(), "web1", List.of("ls", "-l", "--", "x")));
        PlainInvocation empty = PlainInvocation.parse(new String[] {"connect", "web1", "--"}).orElseThrow();
        assertThat(((PlainInvocation.Connect) empty).command()).isEmpty();
    }

    @Test
    void masterCheck() {
        PlainInvocation check = PlainInvocation.parse(new String[] {"--debug", "master", "check", "db"}).orElseThrow();
        assertThat(check).isEqualTo(new PlainInvocation.MasterCheck(check.global(), "db"));
        assertThat(check.global().debug).isTrue();
    }

    @Test
    void listAsTableOrJson() {
        PlainInvocation table = PlainInvocation.parse(new String[] {"-F", "cfg", "list"}).orElseThrow();
        assertThat(table).isEqualTo(new PlainInvocation.ListHosts(table.global(), false));
        PlainInvocation json = PlainInvocation.parse(new String[] {"list", "--json"}).orElseThrow();
        assertThat(json).isEqualTo(new PlainInvocation.ListHosts(json.global(), true));
    }

    @Test
    void theServersQuestions() {
        PlainInvocation sessions = PlainInvocation.parse(new String[] {"-F", "cfg", "sessions"}).orElseThrow();
        assertThat(sessions).isEqualTo(new PlainInvocation.Sessions(sessions.global(), false));
        PlainInvocation json = PlainInvocation.parse(new String[] {"sessions", "--json"}).orElseThrow();
        assertThat(json).isEqualTo(new PlainInvocation.Sessions(json.global(), true));
        PlainInvocation status = PlainInvocation.parse(new String[] {"-c", "j.conf", "server", "status"}).orElseThrow();
        assertThat(status).isEqualTo(new PlainInvocation.ServerStatus(status.global()));
        for (String[] args : new String[][] {{"sessions", "--help"}, {"sessions", "x"}, {"server", "status", "--help"},
            {"server", "stop"}, {"server"}}) {
            assertThat(PlainInvocation.parse(args)).as(String.join(" ", args)).isEmpty();
        }
    }

    @Test
    void everythingElseIsLeftToPicocli() {
        for (String[] args : new String[][] {
            {"list", "--help"}, {"list", "--json", "--json"}, {"list", "x"}, {"--help"}, {"-h"}, {"--version"}, {"-F"}, {"-F", "a", "-F", "b"}, {"-Fcfg"},
            {"-F", "cfg", "master", "list"}, {"--bogus"}, {"-c"}, {"list", "-F", "cfg"},
            {"connect"}, {"connect", "--help"}, {"connect", "-F", "cfg", "web1"}, {"connect", "web1", "ls"},
            {"connect", "--", "web1"}, {"connect", ""}, {"connect", "web1", "-F", "cfg"},
            {"master", "check"}, {"master", "check", "a", "b"}, {"master", "check", "--help"},
            {"master", "stop", "a"}, {"master"}, {"connect", "@hosts"}, {"connect", "h", "--", "echo", "@x"},
            {"-F", "@cfg"}}) {
            assertThat(PlainInvocation.parse(args)).as(String.join(" ", args)).isEmpty();
        }
    }
}
