package dev.jhosts.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a demo session's command is started, as sshd starts it for a user: the shell ({@code bash}
 * where there is one, else {@code sh}) as a login shell, or {@code SHELL -c COMMAND} for an exec
 * request, in the scratch home, with an environment made afresh (only PATH and the locale come
 * from the demo's own). On a pseudo-terminal, the pty-req's modes are applied with {@code stty}
 * before the shell starts; on pipes the command runs under {@code setsid}, so that it leads a
 * session of its own as a shell on a PTY does (see {@link SessionProcesses}).
 *
 * @param home the scratch home (HOME, and the working directory)
 * @param user the user name the sessions run as (this process' own)
 * @param inherited the demo process' environment, of which PATH and the locale are kept
 */
record SessionShell(Path home, String user, Map<String, String> inherited) {
    /** Where the pty-req's modes travel to the wrapper (an environment variable it unsets). */
    static final String STTY_VARIABLE = "JHOSTS_DEMO_STTY";
    /** The demo host a shell runs on (its prompt says so). */
    static final String HOST_VARIABLE = "JHOSTS_DEMO_HOST";

    private static final List<String> SHELLS = List.of("/bin/bash", "/usr/bin/bash", "/bin/sh");
    private static final List<String> SETSID = List.of("/usr/bin/setsid", "/bin/setsid");
    /** Unquoted, so that the modes split into words; {@code set -f} keeps {@code ^?} from globbing; no modes, no stty (it would print the settings). */
    private static final String STTY_WRAPPER = "set -f; if [ -n \"$" + STTY_VARIABLE + "\" ]; then stty $" + STTY_VARIABLE
            + " 2>/dev/null; fi; unset " + STTY_VARIABLE + "; exec \"$@\"";

    SessionShell {
        inherited = Map.copyOf(inherited);
    }

    /** The shell every session runs. */
    static String shell() {
        return SHELLS.stream().filter(path -> Files.isExecutable(Path.of(path))).findFirst().orElse("/bin/sh");
    }

    /** The command line on a pseudo-terminal: the stty wrapper, then the shell or {@code SHELL -c command}. */
    List<String> onPty(SessionRequest command) {
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", STTY_WRAPPER, "sh"));
        argv.addAll(shellCommand(command));
        return argv;
    }

    /** The command line on pipes: {@code setsid -w} (where it exists) around the shell or {@code SHELL -c command}. */
    List<String> onPipes(SessionRequest command) {
        List<String> argv = new ArrayList<>();
        setsid().ifPresent(setsid -> {
            argv.add(setsid);
            argv.add("-w");
        });
        argv.addAll(shellCommand(command));
        return argv;
    }

    /** util-linux's setsid, where there is one. */
    static Optional<String> setsid() {
        return SETSID.stream().filter(path -> Files.isExecutable(Path.of(path))).findFirst();
    }

    private static List<String> shellCommand(SessionRequest request) {
        if (request instanceof SessionRequest.Exec exec) {
            return List.of(shell(), "-c", exec.command());
        }
        return List.of(shell(), "-l");
    }

    /**
     * The environment of a session on pipes: HOME, USER, LOGNAME, SHELL, PATH, the locale (the
     * client's {@code env} requests for LANG and LC_* win over the demo's own), the host's name.
     */
    Map<String, String> environment(DemoHost host, Map<String, String> requested) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", home.toString());
        env.put("USER", user);
        env.put("LOGNAME", user);
        env.put("SHELL", shell());
        env.put("PATH", inherited.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
        inherited.forEach((name, value) -> {
            if (isLocale(name)) {
                env.put(name, value);
            }
        });
        requested.forEach((name, value) -> {
            if (isLocale(name)) {
                env.put(name, value);
            }
        });
        env.put(HOST_VARIABLE, host.alias());
        if (!shell().endsWith("bash")) {
            // sh reads the file ENV names when it is interactive
            env.put("ENV", home.resolve(".shrc").toString());
        }
        return env;
    }

    /** The environment of a session on a pseudo-terminal: as on pipes, with the pty-req's TERM and, for the wrapper, its modes. */
    Map<String, String> terminalEnvironment(DemoHost host, Map<String, String> requested, List<String> sttyModes) {
        Map<String, String> env = environment(host, requested);
        String term = requested.getOrDefault("TERM", "");
        env.put("TERM", term.isEmpty() ? "dumb" : term);
        env.put(STTY_VARIABLE, String.join(" ", sttyModes));
        return env;
    }

    private static boolean isLocale(String name) {
        return name.equals("LANG") || name.startsWith("LC_");
    }

    /** The scratch home's start files: a prompt that names the demo host, and a line saying where you are. */
    static Map<String, String> startFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(".profile", String.join("\n",
                "# jhosts demo: the scratch home of the demo's shells (removed when the demo ends)",
                "if [ -n \"$BASH_VERSION\" ] && [ -f \"$HOME/.bashrc\" ]; then . \"$HOME/.bashrc\"; fi",
                ""));
        files.put(".bashrc", String.join("\n",
                "# jhosts demo: read by the demo's interactive shells",
                "case $- in *i*) ;; *) return ;; esac",
                "PS1='\\u@" + "${" + HOST_VARIABLE + "}:\\w\\$ '",
                "echo \"jhosts demo: a shell on '$" + HOST_VARIABLE + "' as $USER, HOME is a scratch directory;"
                        + " exit returns to the list\"",
                ""));
        files.put(".shrc", String.join("\n",
                "# jhosts demo: read by sh, through ENV",
                "PS1=\"$USER@$" + HOST_VARIABLE + "\\$ \"",
                ""));
        return files;
    }
}
