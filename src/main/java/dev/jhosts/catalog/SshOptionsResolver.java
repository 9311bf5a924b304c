package dev.jhosts.catalog;

import java.io.IOException;
import java.io.InputStream;
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
    private static final Duration LIMIT = Duration.ofSeconds(10);

    private final String sshBinary;
    private final Path sshConfig;
    private final Map<String, EffectiveOptions> cache = new ConcurrentHashMap<>();

    /** {@code sshConfig} is passed as {@code -F}. */
    public SshOptionsResolver(String sshBinary, Path sshConfig) {
        this.sshBinary = sshBinary;
        this.sshConfig = sshConfig;
    }

    /** The options for {@code alias}; runs {@code ssh -G} the first time only. */
    public EffectiveOptions resolve(String alias) throws ResolveException {
        return resolve(alias, List.of());
    }

    /**
     * The options for {@code alias} with {@code sshOptions} (such as {@code -o HostName=…} for a
     * host of jhosts' own) given to ssh before the config's; cached per alias.
     */
    public EffectiveOptions resolve(String alias, List<String> sshOptions) throws ResolveException {
        EffectiveOptions cached = cache.get(alias);
        if (cached != null) {
            return cached;
        }
        EffectiveOptions resolved = run(alias, sshOptions);
        cache.put(alias, resolved);
        return resolved;
    }

    private EffectiveOptions run(String alias, List<String> sshOptions) throws ResolveException {
        List<String> command = new ArrayList<>(List.of(sshBinary, "-F", sshConfig.toString(), "-G"));
        command.addAll(sshOptions);
        command.addAll(List.of("--", alias));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            throw new ResolveException("cannot run " + sshBinary + ": " + e.getMessage());
        }
        try (InputStream out = process.getInputStream(); InputStream err = process.getErrorStream()) {
            byte[] stdout = out.readAllBytes();
            byte[] stderr = err.readAllBytes();
            if (!process.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new ResolveException("ssh -G " + alias + " did not finish within " + LIMIT.toSeconds() + "s");
            }
            if (process.exitValue() != 0) {
                String reason = new String(stderr, StandardCharsets.UTF_8).strip();
                throw new ResolveException(reason.isEmpty() ? "ssh -G " + alias + " exited " + process.exitValue() : reason);
            }
            return parse(alias, new String(stdout, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ResolveException("reading ssh -G output: " + e.getMessage());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ResolveException("interrupted");
        }
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
