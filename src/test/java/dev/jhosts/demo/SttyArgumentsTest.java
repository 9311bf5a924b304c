package dev.jhosts.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.testing.Processes;
import dev.jhosts.testing.Requirements;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.channel.PtyMode;
import org.junit.jupiter.api.Test;

class SttyArgumentsTest {
    private static Map<PtyMode, Integer> modes(Object... pairs) {
        Map<PtyMode, Integer> modes = new EnumMap<>(PtyMode.class);
        for (int i = 0; i < pairs.length; i += 2) {
            modes.put((PtyMode) pairs[i], (Integer) pairs[i + 1]);
        }
        return modes;
    }

    @Test
    void controlCharactersAreWrittenAsCaretNotation() {
        assertThat(SttyArguments.of(modes(PtyMode.VKILL, 21, PtyMode.VERASE, 127, PtyMode.VQUIT, 28, PtyMode.VINTR, 3)))
                .containsExactly("intr", "^C", "quit", "^\\", "erase", "^?", "kill", "^U");
    }

    @Test
    void aDisabledCharacterIsUndefined() {
        // OpenSSH sends _POSIX_VDISABLE (255) for a character that is off
        assertThat(SttyArguments.of(modes(PtyMode.VEOL, 255, PtyMode.VEOL2, 0)))
                .containsExactly("eol", "undef", "eol2", "undef");
    }

    @Test
    void flagsAreOnOrOffInOpcodeOrder() {
        assertThat(SttyArguments.of(modes(PtyMode.ECHO, 0, PtyMode.IXON, 1, PtyMode.IUTF8, 1, PtyMode.ICANON, 0)))
                .containsExactly("ixon", "iutf8", "-icanon", "-echo");
    }

    @Test
    void whatSttyCannotSetOnAPseudoTerminalIsLeftOut() {
        assertThat(SttyArguments.of(modes(PtyMode.TTY_OP_ISPEED, 38400, PtyMode.TTY_OP_OSPEED, 38400,
                PtyMode.VSTART, 200, PtyMode.VSTOP, 19, PtyMode.PENDIN, 0, PtyMode.CS8, 1, PtyMode.PARENB, 0)))
                .containsExactly("stop", "^S");
    }

    /** What OpenSSH sends for a terminal in its usual modes, given to the real stty on a real pseudo-terminal. */
    @Test
    void theRealSttyAcceptsEveryWord() throws Exception {
        Requirements.requireCommand("script", "bsdutils");
        Map<PtyMode, Integer> usual = new EnumMap<>(PtyMode.class);
        for (PtyMode mode : PtyMode.values()) {
            usual.put(mode, mode.name().startsWith("V") ? 3 : 1);
        }
        usual.put(PtyMode.VERASE, 8);
        usual.put(PtyMode.OLCUC, 0);
        usual.put(PtyMode.IUCLC, 0);
        usual.put(PtyMode.XCASE, 0);
        String words = String.join(" ", SttyArguments.of(usual));
        Processes.Result result = Processes.run(List.of("script", "-qec",
                "set -f; stty " + words + " && stty -a", "/dev/null"), Map.of(), Duration.ofSeconds(20));
        assertThat(result.exitCode()).as(words + "\n" + result.describe()).isZero();
        assertThat(result.stdout()).contains("erase = ^H");
    }
}
