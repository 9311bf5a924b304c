package dev.jhosts.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.mux.SessionRequest;
import java.util.List;
import java.util.Map;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.ControlChar;
import org.jline.terminal.Attributes.InputFlag;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Attributes.OutputFlag;
import org.junit.jupiter.api.Test;

class SessionSpecTest {

    @Test
    void takesTermAndTheVariablesSendEnvSelects() {
        Map<String, String> env = Map.of("TERM", "xterm-256color", "LANG", "C.UTF-8", "LC_ALL", "C",
                "LCX", "no", "HOME", "/root", "JHOSTS_TEST_A", "1");
        SessionSpec spec = SessionSpec.fromEnvironment("", SessionSpec.DEFAULT_ESCAPE, env, SessionSpec.DEFAULT_SEND_ENV);
        assertThat(spec.term()).isEqualTo("xterm-256color");
        assertThat(spec.environment()).containsExactly("LANG=C.UTF-8", "LC_ALL=C");
        // bridged, jhosts reads the escapes and the master gets none (MUX_C_NEW_SESSION escape_char 0xFFFFFFFF)
        assertThat(spec.toRequest(true).escapeChar()).isEqualTo(SessionRequest.NO_ESCAPE);
        assertThat(spec.toDirectRequest(true).escapeChar()).isEqualTo('~');
        assertThat(spec.toDirectRequest(false).escapeChar()).isEqualTo(SessionRequest.NO_ESCAPE);
    }

    @Test
    void sendEnvPatternsLikeSsh() {
        Map<String, String> env = Map.of("LC_ALL", "C", "LC_TIME", "t", "JHOSTS_TEST_AB", "x", "JHOSTS_TEST_ABC", "y");
        assertThat(EnvironmentSelection.select(env, List.of("LC_*", "-LC_TIME"))).containsExactly("LC_ALL=C");
        assertThat(EnvironmentSelection.select(env, List.of("JHOSTS_TEST_??"))).containsExactly("JHOSTS_TEST_AB=x");
        assertThat(EnvironmentSelection.select(env, List.of("*"))).hasSize(4);
        assertThat(EnvironmentSelection.select(env, List.of())).isEmpty();
    }

    @Test
    void noTermMeansEmptyAsInSsh() {
        assertThat(SessionSpec.fromEnvironment("ls", -1, Map.of(), List.of()).term()).isEmpty();
    }

    @Test
    void rawModesAreOpenSshs() {
        Attributes cooked = new Attributes();
        cooked.setLocalFlags(java.util.EnumSet.of(LocalFlag.ISIG, LocalFlag.ICANON, LocalFlag.ECHO, LocalFlag.IEXTEN), true);
        cooked.setInputFlags(java.util.EnumSet.of(InputFlag.IXON, InputFlag.ICRNL, InputFlag.IUTF8), true);
        cooked.setOutputFlags(java.util.EnumSet.of(OutputFlag.OPOST, OutputFlag.ONLCR), true);
        Attributes raw = TerminalModes.raw(cooked);
        assertThat(raw.getLocalFlags()).doesNotContain(LocalFlag.ISIG, LocalFlag.ICANON, LocalFlag.ECHO, LocalFlag.IEXTEN);
        assertThat(raw.getInputFlags()).doesNotContain(InputFlag.IXON, InputFlag.ICRNL).contains(InputFlag.IUTF8);
        assertThat(raw.getOutputFlag(OutputFlag.OPOST)).isFalse();
        assertThat(raw.getControlChar(ControlChar.VMIN)).isEqualTo(1);
        assertThat(raw.getControlChar(ControlChar.VTIME)).isZero();
        assertThat(cooked.getLocalFlag(LocalFlag.ISIG)).as("input untouched").isTrue();
    }

    @Test
    void theRemoteMultiplexerWrapsOnlyAnInteractiveLoginShell() {
        SessionSpec spec = new SessionSpec("", '~', "xterm", List.of()).inside(RemoteSession.TMUX);
        assertThat(spec.toRequest(true).command()).startsWith("/bin/sh -c 'if command -v tmux ")
                .contains("exec tmux new-session -A -s \"jhosts-$n\"")
                .contains("exec \"${SHELL:-/bin/sh}\" -l'");
        // one line with no quote inside the sh -c argument: any login shell hands it on whole
        String inner = spec.toRequest(true).command().substring("/bin/sh -c '".length());
        assertThat(inner.substring(0, inner.length() - 1)).doesNotContain("'", "\\", "\n");
        assertThat(spec.toRequest(false).command()).isEmpty();
        SessionSpec command = new SessionSpec("uptime", '~', "xterm", List.of()).inside(RemoteSession.SCREEN);
        assertThat(command.toRequest(true).command()).isEqualTo("uptime");
        assertThat(new SessionSpec("", '~', "xterm", List.of()).inside(RemoteSession.PLAIN).toRequest(true).command())
                .isEmpty();
    }
}
