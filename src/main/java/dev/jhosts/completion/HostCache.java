package dev.jhosts.completion;

import dev.jhosts.catalog.EffectiveOptions;
import dev.jhosts.catalog.Host;
import dev.jhosts.config.PrivateFiles;
import dev.jhosts.master.ControlDirectory;
import dev.jhosts.master.ControlPaths;
import dev.jhosts.master.MasterException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The host aliases for shell completion, kept where a completion script can read them without
 * starting a JVM: {@code $XDG_STATE_HOME/jhosts/completion-hosts} (0600, see {@link
 * PrivateFiles}), rewritten whenever jhosts reads the catalogue and finds it stale.
 *
 * <p>Format (UTF-8, one record a line, fields separated by a tab, so that a shell's {@code read}
 * or array expansions can take it apart):
 * <pre>
 * jhosts-completion-hosts 1
 * ssh-config   the -F file it was read with (absolute), empty without -F
 * settings     the -c file (absolute), empty without -c
 * control-directory   jhosts' control directory
 * file         a file or directory the catalogue came from (one line each)
 * hosts
 * ALIAS        SOCKET   (one line per host; SOCKET is where jhosts' own master for it listens)
 * </pre>
 * The cache's modification time is set to when the catalogue was read, less {@link
 * #CLOCK_MARGIN} (the kernel stamps files from a clock that lags the one Java reads by up to a
 * tick): it is fresh while no {@code file} line names anything modified since ({@code [ FILE -nt
 * CACHE ]}), and an edit made while jhosts was reading counts as newer. Right after running
 * {@code jhosts list} to refresh it, the scripts take it as it is, fresh or not. The {@code file} lines name the ssh
 * config, the files that define hosts, their directories (a file added to an {@code Include}
 * glob changes its directory) and the settings file with its directory; an included file that
 * defines no host is not watched.
 *
 * <p>SOCKET is the ControlPath jhosts gives a host whose ssh config sets none (its control
 * directory and the {@code %C}-like digest of {@link ControlPaths}), found without {@code ssh
 * -G}; a host with a ControlPath of its own gets the same name, which then never exists, so its
 * master is not offered by {@code master check} completion (typing the name still works).
 */
public final class HostCache {
    public static final String FILE_NAME = "completion-hosts";
    static final String HEADER = "jhosts-completion-hosts 1";
    static final String HOSTS = "hosts";
    static final Duration CLOCK_MARGIN = Duration.ofMillis(10);

    /**
     * What the catalogue was read from.
     *
     * @param sshConfigOption the absolute {@code -F} file, or empty
     * @param settingsOption the absolute {@code -c} file, or empty
     * @param files the files and directories whose change makes the cache stale
     */
    public record Source(String sshConfigOption, String settingsOption, List<Path> files) {
        public Source {
            files = List.copyOf(new LinkedHashSet<>(files));
        }

        /** The files, the hosts' files, and the directories of all of them. */
        public static Source of(String sshConfigOption, String settingsOption, List<Path> files, List<Host> hosts) {
            Set<Path> watched = new LinkedHashSet<>();
            List<Path> all = new ArrayList<>(files);
            hosts.forEach(host -> all.add(host.file()));
            for (Path file : all) {
                Path absolute = file.toAbsolutePath().normalize();
                watched.add(absolute);
                if (absolute.getParent() != null) {
                    watched.add(absolute.getParent());
                }
            }
            return new Source(sshConfigOption, settingsOption, new ArrayList<>(watched));
        }
    }

    private HostCache() {}

    /**
     * Rewrites the cache in {@code stateDirectory} unless it is fresh for {@code source}; the
     * catalogue was read at {@code readAt} (taken before reading began).
     */
    public static void update(Path stateDirectory, Source source, Path controlDirectory, List<Host> hosts,
            Instant readAt) throws IOException {
        Path cache = stateDirectory.resolve(FILE_NAME);
        if (isFresh(cache, source, controlDirectory)) {
            return;
        }
        PrivateFiles.directory(stateDirectory);
        PrivateFiles.replace(cache, render(source, controlDirectory, hosts).getBytes(StandardCharsets.UTF_8));
        Files.setLastModifiedTime(cache, FileTime.from(readAt.minus(CLOCK_MARGIN)));
    }

    /** Whether the cache was written from {@code source} and nothing it names changed since. */
    static boolean isFresh(Path cache, Source source, Path controlDirectory) throws IOException {
        FileTime written;
        try {
            if (!Files.isRegularFile(cache, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            written = Files.getLastModifiedTime(cache, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return false;
        }
        List<String> header = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(cache, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null && !line.equals(HOSTS)) {
                header.add(line);
            }
        } catch (IOException e) {
            return false;
        }
        if (!header.equals(headerLines(source, controlDirectory))) {
            return false;
        }
        for (Path file : source.files()) {
            try {
                if (Files.getLastModifiedTime(file).compareTo(written) > 0) {
                    return false;
                }
            } catch (NoSuchFileException absent) {
                // not there then either (or its directory's change shows it went): as the scripts' -nt
            }
        }
        return true;
    }

    static String render(Source source, Path controlDirectory, List<Host> hosts) {
        StringBuilder text = new StringBuilder();
        headerLines(source, controlDirectory).forEach(line -> text.append(line).append('\n'));
        text.append(HOSTS).append('\n');
        ControlPaths paths = new ControlPaths(new ControlDirectory(controlDirectory));
        Set<String> seen = new LinkedHashSet<>();
        for (Host host : hosts) {
            if (seen.add(host.alias()) && isPrintable(host.alias())) {
                text.append(host.alias()).append('\t').append(socket(paths, host)).append('\n');
            }
        }
        return text.toString();
    }

    private static List<String> headerLines(Source source, Path controlDirectory) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        lines.add(field("ssh-config", source.sshConfigOption()));
        lines.add(field("settings", source.settingsOption()));
        lines.add(field("control-directory", controlDirectory.toAbsolutePath().normalize().toString()));
        source.files().stream().map(Path::toString).filter(HostCache::isPrintable)
                .forEach(file -> lines.add(field("file", file)));
        return lines;
    }

    /** A header line; a value a shell could not take apart is written empty (so it matches nothing). */
    private static String field(String name, String value) {
        return name + "\t" + (isPrintable(value) ? value : "");
    }

    /** The socket jhosts' own master for {@code host} would have, or empty when none fits OpenSSH's limit. */
    private static String socket(ControlPaths paths, Host host) {
        EffectiveOptions options = new EffectiveOptions(host.alias(), Map.of(
                "hostname", List.of(host.hostname()),
                "user", List.of(host.user()),
                "port", List.of(Integer.toString(host.port())),
                "proxyjump", List.of(host.proxyJump().isEmpty() ? "none" : host.proxyJump())));
        try {
            return paths.forHost(options).socket().toString();
        } catch (MasterException tooLong) {
            return "";
        }
    }

    /** A line the scripts can take apart: no tab, line break or other control character. */
    private static boolean isPrintable(String text) {
        return text.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }
}
