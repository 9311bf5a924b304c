package dev.jhosts.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sessions in a picker driven through tmux: a host opened from the list, the remote shell's pid. */
public final class RemoteShells {
    /** A remote shell's prompt on a line of its own ({@code root@host:~# }). */
    public static final Pattern PROMPT = Pattern.compile("(?m)^\\S+@\\S+[#$] ?$");

    private RemoteShells() {}

    /** From the list: the host's row selected by filter, Enter, and its remote prompt. */
    public static void open(Tmux tmux, String alias) {
        tmux.keys("C-u");
        tmux.type(alias);
        tmux.waitUntil(s -> s.lines().anyMatch(line -> line.startsWith("›") && line.contains(alias + " ")),
                alias + " selected");
        tmux.keys("Enter");
        tmux.waitUntil(s -> !s.contains("Enter connect") && PROMPT.matcher(s).find(), alias + "'s remote prompt");
    }

    /** Runs {@code echo NAME=$$} remotely and returns the remote shell's pid. */
    public static String shellPid(Tmux tmux, String name) {
        tmux.type("echo " + name + "=$$");
        tmux.keys("Enter");
        Pattern printed = Pattern.compile("(?m)^" + name + "=(\\d+)");
        Matcher pid = printed.matcher(tmux.waitUntil(s -> printed.matcher(s).find(), name + "'s pid"));
        assertThat(pid.find()).isTrue();
        return pid.group(1);
    }

    /** Whether the process {@code pid} (a remote shell: the test sshd is on this machine) lives. */
    public static boolean alive(String pid) {
        return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
    }
}
