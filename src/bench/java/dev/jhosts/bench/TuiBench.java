package dev.jhosts.bench;

import dev.jhosts.testing.Processes;
import dev.jhosts.testing.SshdFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person waits for in the picker, each beside a baseline measured in the same run, all on
 * a pseudo-terminal ({@link ScriptedTerminal}):
 * <ul>
 *   <li>start-up to the first frame that shows the hosts, against a JVM hello-world started with
 *       the launcher's JVM flags, to its output;</li>
 *   <li>Enter to the remote prompt through a live master, against {@code ssh -S socket host}
 *       and a cold {@code ssh host}, each from start to prompt;</li>
 *   <li>256 MiB of remote output through a picker session (the PTY bridge), against
 *       {@code ssh -S socket -t host} producing the same;</li>
 *   <li>a keystroke's round trip (typed, echoed by the remote terminal) in a picker session,
 *       against the same in {@code ssh -S socket -t host}: back to back, 100 ms apart (typing),
 *       and 1 s apart (the first key after a pause).</li>
 * </ul>
 */
public final class TuiBench {
    private static final int RUNS = 9;
    static final Duration LIMIT = Duration.ofSeconds(60);
    /** A shell prompt at the end of the output: "...# " or "...$ ". */
    static final Pattern PROMPT = Pattern.compile("[#$] $");
    static final String BULK = "head -c 268435456 /dev/zero | tr '\\\\0' x; echo END$((40+2))";

    public static void main(String[] args) throws Exception {
        SshdFixture sshd = new SshdFixture().start();
        try {
            run(sshd);
        } finally {
            sshd.jhosts(LIMIT, "master", "exit", SshdFixture.HOST);
            sshd.stop();
        }
    }

    private static void run(SshdFixture sshd) throws Exception {
        Map<String, String> env = sshd.jhostsEnv();
        String jhosts = SshdFixture.launcher() + " -F " + sshd.sshConfig();
        Processes.Result start = sshd.jhosts(LIMIT, "master", "start", SshdFixture.HOST);
        if (start.exitCode() != 0) {
            throw new IllegalStateException(start.describe());
        }
        Path socket = socket(sshd);
        String hello = String.join(" ", MasterBench.helloWorld());
        String ssh = "ssh -F " + sshd.sshConfig() + " -tt ";

        double[] helloMs = new double[RUNS];
        double[] firstFrameMs = new double[RUNS];
        double[] enterMs = new double[RUNS];
        double[] sshMuxMs = new double[RUNS];
        double[] sshColdMs = new double[RUNS];
        for (int i = -1; i < RUNS; i++) {
            double helloRun = timeToText(hello, env, Pattern.compile("hello"));
            double[] picker = pickerRun(jhosts, env);
            double mux = timeToText(ssh + "-S " + socket + " " + SshdFixture.HOST, env, PROMPT);
            double cold = timeToText(ssh + "-o ControlMaster=no -o ControlPath=none " + SshdFixture.HOST, env, PROMPT);
            if (i >= 0) {
                helloMs[i] = helloRun;
                firstFrameMs[i] = picker[0];
                enterMs[i] = picker[1];
                sshMuxMs[i] = mux;
                sshColdMs[i] = cold;
            }
        }
        double[][] pickerKeys = keystrokesThroughPicker(jhosts, env);
        double[][] sshKeys = keystrokes(ssh + "-S " + socket + " " + SshdFixture.HOST, env);
        double bridged = bulkThroughPicker(jhosts, env);
        double sshBulk = bulk(ssh + "-S " + socket + " " + SshdFixture.HOST + " \"" + BULK + "\"", env);

        System.out.printf("start-up to first frame  %7.1f ms   JVM hello-world %7.1f ms   ratio %.2f×%n",
                median(firstFrameMs), median(helloMs), median(firstFrameMs) / median(helloMs));
        System.out.printf("Enter to remote prompt    %7.1f ms   ssh -S socket   %7.1f ms   ratio %.2f×%n",
                median(enterMs), median(sshMuxMs), median(enterMs) / median(sshMuxMs));
        System.out.printf("                                       cold ssh        %7.1f ms   ratio %.2f×%n",
                median(sshColdMs), median(enterMs) / median(sshColdMs));
        System.out.printf("256 MiB through a session %6.0f ms (%.0f MiB/s)   ssh -S -t %6.0f ms (%.0f MiB/s)   ratio %.2f×%n",
                bridged, 256_000 / bridged, sshBulk, 256_000 / sshBulk, bridged / sshBulk);
        String[] paces = {"back to back", "100 ms apart", "1 s apart"};
        for (int pace = 0; pace < paces.length; pace++) {
            System.out.printf("keystroke echo, %-12s %6.2f ms (p90 %.2f)   ssh -S -t %6.2f ms (p90 %.2f)   added %+.2f ms%n",
                    paces[pace], median(pickerKeys[pace]), p90(pickerKeys[pace]), median(sshKeys[pace]),
                    p90(sshKeys[pace]), median(pickerKeys[pace]) - median(sshKeys[pace]));
        }
        System.out.println("(medians of " + RUNS + " runs after one warm-up; 256 MiB once; keystrokes: "
                + Arrays.toString(KEYSTROKES) + " per pace; all through script(1)'s pty)");
    }

    static double timeToText(String command, Map<String, String> env, Pattern text) throws Exception {
        long start = System.nanoTime();
        try (ScriptedTerminal terminal = ScriptedTerminal.start(command, env)) {
            return (terminal.await(text, LIMIT) - start) / 1e6;
        }
    }

    /** {first frame ms, Enter-to-prompt ms} for one picker start. */
    private static double[] pickerRun(String jhosts, Map<String, String> env) throws Exception {
        long start = System.nanoTime();
        try (ScriptedTerminal terminal = ScriptedTerminal.start(jhosts, env)) {
            long frame = terminal.await(Pattern.compile(SshdFixture.HOST), LIMIT);
            terminal.await(Pattern.compile("live"), LIMIT);
            return new double[] {(frame - start) / 1e6, enterToPrompt(terminal)};
        }
    }

    /** Milliseconds from Enter in the list to the remote prompt; the session is then ended and the picker quit. */
    static double enterToPrompt(ScriptedTerminal terminal) throws Exception {
        terminal.forget();
        long enter = System.nanoTime();
        terminal.type("\r");
        long prompt = terminal.await(PROMPT, LIMIT);
        endSessionAndQuit(terminal);
        return (prompt - enter) / 1e6;
    }

    /** Ends the session shown (it would live on in the jhosts server) and quits the picker. */
    static void endSessionAndQuit(ScriptedTerminal terminal) throws Exception {
        terminal.type("exit\r");
        terminal.await(Pattern.compile("exit 0"), LIMIT);
        terminal.type("\u001b");
        terminal.waitFor(Duration.ofSeconds(10));
    }

    /** Keystrokes per pace (back to back, 100 ms apart, 1 s apart) and the pauses before each. */
    static final int[] KEYSTROKES = {300, 40, 12};
    private static final long[] PAUSE_MS = {0, 100, 1000};

    static double[][] keystrokesThroughPicker(String jhosts, Map<String, String> env) throws Exception {
        try (ScriptedTerminal terminal = ScriptedTerminal.start(jhosts, env)) {
            terminal.await(Pattern.compile("live"), LIMIT);
            terminal.type("\r");
            terminal.await(PROMPT, LIMIT);
            double[][] times = echoTimes(terminal);
            endSessionAndQuit(terminal);
            return times;
        }
    }

    static double[][] keystrokes(String command, Map<String, String> env) throws Exception {
        try (ScriptedTerminal terminal = ScriptedTerminal.start(command, env)) {
            terminal.await(PROMPT, LIMIT);
            double[][] times = echoTimes(terminal);
            terminal.type("exit\r");
            return times;
        }
    }

    /**
     * Milliseconds from typing one letter to seeing its echo, with {@code cat} reading the
     * remote terminal (so only its line discipline echoes, no shell redraws the line).
     */
    private static double[][] echoTimes(ScriptedTerminal terminal) throws Exception {
        terminal.type("cat >/dev/null\r");
        Thread.sleep(300);
        double[][] times = new double[KEYSTROKES.length][];
        for (int pace = 0; pace < KEYSTROKES.length; pace++) {
            times[pace] = new double[KEYSTROKES[pace]];
            for (int i = 0; i < KEYSTROKES[pace]; i++) {
                if (i % 50 == 49) {
                    terminal.type("\r"); // a line for cat, so the remote line buffer never fills
                    Thread.sleep(20);
                }
                Thread.sleep(PAUSE_MS[pace]);
                terminal.forget();
                long typed = System.nanoTime();
                terminal.type("q");
                times[pace][i] = (terminal.awaitRaw("q", LIMIT) - typed) / 1e6;
            }
        }
        terminal.type("\r\u0004"); // cat ends at the end of file on an empty line
        Thread.sleep(300);
        return times;
    }

    static double p90(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.floor(sorted.length * 0.9)];
    }

    static double bulkThroughPicker(String jhosts, Map<String, String> env) throws Exception {
        try (ScriptedTerminal terminal = ScriptedTerminal.start(jhosts, env)) {
            terminal.await(Pattern.compile("live"), LIMIT);
            terminal.type("\r");
            terminal.await(PROMPT, LIMIT);
            terminal.type("stty -echo\r");
            Thread.sleep(300);
            long start = System.nanoTime();
            terminal.type(BULK.replace("\\\\", "\\") + "\r");
            long end = terminal.awaitRaw("END42", Duration.ofMinutes(5));
            endSessionAndQuit(terminal);
            return (end - start) / 1e6;
        }
    }

    static double bulk(String command, Map<String, String> env) throws Exception {
        long start = System.nanoTime();
        try (ScriptedTerminal terminal = ScriptedTerminal.start(command, env)) {
            return (terminal.awaitRaw("END42", Duration.ofMinutes(5)) - start) / 1e6;
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static Path socket(SshdFixture sshd) {
        Processes.Result list = sshd.jhosts(LIMIT, "master", "list", "--json");
        Matcher socket = Pattern.compile("\"socket\":\"([^\"]+)\"").matcher(list.stdout());
        if (!socket.find()) {
            throw new IllegalStateException(list.describe());
        }
        return Path.of(socket.group(1));
    }
}
