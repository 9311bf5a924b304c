package dev.jhosts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PickerArgumentsTest {
    @Test
    void plainPickerInvocationsAreRecognised() {
        assertThat(PickerArguments.parse(new String[0])).isPresent();
        GlobalOptions options = PickerArguments.parse(new String[] {"-F", "cfg", "-c", "j.conf", "--debug"}).orElseThrow();
        assertThat(options.sshConfig).isEqualTo(Path.of("cfg"));
        assertThat(options.settingsFile).isEqualTo(Path.of("j.conf"));
        assertThat(options.debug).isTrue();
    }

    @Test
    void everythingElseIsLeftToPicocli() {
        for (String[] args : new String[][] {
            {"list"}, {"--help"}, {"-h"}, {"--version"}, {"-F"}, {"-F", "a", "-F", "b"}, {"-Fcfg"},
            {"-F", "cfg", "master", "list"}, {"--bogus"}, {"-c"}}) {
            assertThat(PickerArguments.parse(args)).as(String.join(" ", args)).isEmpty();
        }
    }
}
