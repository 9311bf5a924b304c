package dev.jhosts.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Asks OpenSSH itself for a host's effective options ({@code ssh -G}), once per alias, cached.
 * Used for the host shown in detail and for the host a master is launched for, never for the
 * whole list.
 */
public final class SshOptionsResolver {
    /** How long {@code ssh -G} may take unless told otherwise. */
    public static final Duration DEFAULT_LIMIT = Duration.ofSeconds(10);
    /** After ssh exited, how long its output may take to arrive (a child may hold the pipe). */
    private static final Duration DRAIN_AFTER_EXIT = Duration.ofSeconds(2);

    private final String sshBinary;
    private final Path sshConfig;
    private final Duration limit;
    private final Map<List<String>, EffectiveOptions> cache = new ConcurrentHashMap<>();
    /** ssh's refusals of the whole config, per alias asked about ({@link SshRefusal}). */
    private final Map<String, List<String>> refusals = new ConcurrentHashMap<>();

    /** {@code sshConfig} is passed as {@code -F}. */
    public SshOptionsResolver(String sshBinary, Path sshConfig) {
        this(sshBinary, sshConfig, DEFAULT_LIMIT);
    }

    /** As above, with {@code limit} on each {@code ssh -G}: past it ssh is killed and the lookup fails. */
    public SshOptionsResolver(String sshBinary, Path sshConfig, Duration limit) {
        this.sshBinary = sshBinary;
        this.sshConfig = sshConfig;
        this.limit = limit;
    }

    /** Forgets every answer: the ssh config was changed (a host edited), so ssh may answer otherwise. */
    public void forget() {
        cache.clear();
        refusals.clear();
    }

    /**
     * ssh's own lines refusing the ssh config as a whole ({@link SshRefusal#check(String, Path,
     * List, Duration)}), asked once until {@link #forget}: a server's pickers, each of which
     * shows them, share one {@code ssh -G} (whose start would take a processor from the first
     * moments of each picker), and one asked meanwhile waits for the same answer.
     */
    public List<String> refusals(List<Host> hosts) {
        return refusals.computeIfAbsent(SshRefusal.probeAlias(hosts),
                alias -> SshRefusal.check(sshBinary, sshConfig, hosts, limit));
    }

    /** The options for {@code alias}; runs {@code ssh -G} the first time only. */
    public EffectiveOptions resolve(String alias) throws ResolveException {
        return resolve(alias, List.of());
    }

    /**
     * The options for {@code alias} with {@code sshOptions} (such as {@code -o HostName=…} for a
     * host of jhosts' own, or {@code -o ProxyJump=…} for a hop of a jump chain) given to ssh
     * before the config's; cached per alias and options.
     */
    public EffectiveOptions resolve(String alias, List<String> sshOptions) throws ResolveException {
        List<String> key = new ArrayList<>(sshOptions);
        key.add(alias);
        EffectiveOptions cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        EffectiveOptions resolved = run(alias, sshOptions);
        cache.put(List.copyOf(key), resolved);
        return resolved;
    }

    private EffectiveOptions run(String alias, List<String> sshOptions) throws ResolveException {
        Printed printed = printed(sshBinary, sshConfig, sshOptions, alias, limit);
        if (printed.exitCode() != 0) {
            String reason = printed.stderr().strip();
            throw new ResolveException(reason.isEmpty() ? "ssh -G " + alias + " exited " + printed.exitCode() : complaint(reason));
        }
        return parse(alias, printed.stdout());
    }

    /** What one {@code ssh -G} printed, and how it exited. */
    record Printed(int exitCode, String stdout, String stderr) {}

    /**
     * Runs {@code ssh -F sshConfig -G OPTIONS -- alias} within {@code limit}; a failure to run
     * it, or one past the limit, is a ResolveException.
     */
    static Printed printed(String sshBinary, Path sshConfig, List<String> sshOptions, String alias, Duration limit)
            throws ResolveException {
        List<String> command = new ArrayList<>(List.of(sshBinary, "-F", sshConfig.toString(), "-G"));
        command.addAll(sshOptions);
        command.addAll(List.of("--", alias));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            throw new ResolveException("cannot run " + sshBinary + ": " + e.getMessage());
        }
        // Both streams are drained on their own threads while this one waits with the deadline: a
        // config whose Match exec hangs (or a child that keeps the pipe open) must not hold the
        // caller past the limit.
        StreamDrain stdout = StreamDrain.start(process.getInputStream(), "jhosts-ssh-G-out");
        StreamDrain stderr = StreamDrain.start(process.getErrorStream(), "jhosts-ssh-G-err");
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                destroyTree(process);
                throw new ResolveException("ssh -G " + alias + " did not answer within " + limit.toMillis()
                        + " ms (a slow Match exec in the ssh config?)");
            }
            int exit = process.exitValue();
            String err = stderr.text(DRAIN_AFTER_EXIT);
            return new Printed(exit, exit == 0 ? stdout.text(DRAIN_AFTER_EXIT) : "", err);
        } catch (InterruptedException e) {
            destroyTree(process);
            Thread.currentThread().interrupt();
            throw new ResolveException("interrupted");
        } finally {
            stdout.close();
            stderr.close();
        }
    }

    /**
     * ssh's complaint in one line: the lines naming a config file's line ({@code FILE line N:
     * ...}), joined, since ssh lists every bad line before its closing "terminating, N bad
     * configuration options"; else its last line (9.2 also prints a note about pseudo-terminals first).
     */
    static String complaint(String text) {
        List<String> located = SshRefusal.locatedLines(text);
        if (!located.isEmpty()) {
            return String.join("; ", located);
        }
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    private static void destroyTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    static EffectiveOptions parse(String alias, String output) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            int space = line.indexOf(' ');
            if (space <= 0) {
                continue;
            }
            String key = line.substring(0, space).toLowerCase(Locale.ROOT);
            options.computeIfAbsent(key, k -> new ArrayList<>()).add(line.substring(space + 1));
        }
        options.replaceAll((key, values) -> List.copyOf(values));
        return new EffectiveOptions(alias, options);
    }

    /** ssh -G failed; the message is ssh's own when it gave one. */
    public static final class ResolveException extends Exception {
        public ResolveException(String message) {
            super(message);
        }
    }
}
