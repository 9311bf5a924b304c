package dev.jhosts.catalog;

import dev.jhosts.config.PrivateFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which hosts were connected to, how often and how recently: the file {@code history} in the
 * state directory ({@code $XDG_STATE_HOME/jhosts/}). It is rewritten whole through a temporary
 * file and an atomic rename, under a lock so that two jhosts processes do not lose each
 * other's connects; the directory, the file and the lock are private ({@link PrivateFiles}:
 * 0600 in 0700, whatever the umask, never through a link). A file that cannot be parsed is set aside as
 * {@code history.corrupt-<UTC time>} with a warning, and history starts again empty.
 *
 * <p>Format, UTF-8: a first line {@code jhosts-history 1}, then one line per host:
 * {@code alias TAB connects TAB epoch-second[,epoch-second...]}, the most recent connects
 * (at most {@value #KEPT_CONNECTS}) newest first.
 */
public final class History {
    static final String FILE_NAME = "history";
    static final int KEPT_CONNECTS = 10;
    static final int KEPT_HOSTS = 10_000;
    private static final String HEADER = "jhosts-history 1";

    /**
     * One host's record.
     *
     * @param connects how many connects in all
     * @param recent the most recent connect times, newest first
     */
    public record Visits(long connects, List<Instant> recent) {
        public Visits {
            recent = List.copyOf(recent);
        }

        Visits plus(Instant when) {
            List<Instant> times = new ArrayList<>(recent.size() + 1);
            times.add(when);
            times.addAll(recent);
            times.sort(Comparator.reverseOrder());
            return new Visits(connects + 1, times.subList(0, Math.min(times.size(), KEPT_CONNECTS)));
        }

        Instant last() {
            return recent.isEmpty() ? Instant.EPOCH : recent.get(0);
        }
    }

    private final Path directory;
    private volatile Map<String, Visits> visits;
    private final List<String> warnings;  // guarded by this

    private History(Path directory, Map<String, Visits> visits, List<String> warnings) {
        this.directory = directory;
        this.visits = visits;
        this.warnings = warnings;
    }

    /** The history kept in {@code directory}; never fails (see {@link #warnings()}). */
    public static History load(Path directory) {
        List<String> warnings = new ArrayList<>();
        return new History(directory, read(directory, warnings), warnings);
    }

    /** Problems met while loading or saving, one line each. */
    public synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** The record for {@code alias}, if it was ever connected to. */
    public Optional<Visits> visits(String alias) {
        return Optional.ofNullable(visits.get(alias));
    }

    /** Every host with a record. */
    public Map<String, Visits> all() {
        return Map.copyOf(visits);
    }

    /**
     * Notes a connect to {@code alias} and saves the history: the file is read again under the
     * lock first, so connects recorded meanwhile by another jhosts are kept.
     */
    public synchronized void recordConnect(String alias, Instant when) throws IOException {
        if (alias.isEmpty() || alias.indexOf('\t') >= 0 || alias.indexOf('\n') >= 0 || alias.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("an alias cannot hold tabs or line breaks: " + alias);
        }
        PrivateFiles.directory(directory);
        try (FileChannel lockFile = PrivateFiles.open(directory.resolve(FILE_NAME + ".lock"));
                FileLock lock = lockFile.lock()) {
            Map<String, Visits> current = read(directory, warnings);
            current.merge(alias, new Visits(1, List.of(when)), (old, added) -> old.plus(when));
            trim(current);
            write(current);
            visits = current;
        }
    }

    private static void trim(Map<String, Visits> visits) {
        if (visits.size() <= KEPT_HOSTS) {
            return;
        }
        List<Map.Entry<String, Visits>> entries = new ArrayList<>(visits.entrySet());
        entries.sort(Comparator.comparing((Map.Entry<String, Visits> e) -> e.getValue().last()).reversed());
        for (Map.Entry<String, Visits> dropped : entries.subList(KEPT_HOSTS, entries.size())) {
            visits.remove(dropped.getKey());
        }
    }

    private void write(Map<String, Visits> visits) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (Map.Entry<String, Visits> entry : visits.entrySet()) {
            text.append(entry.getKey()).append('\t').append(entry.getValue().connects()).append('\t');
            List<Instant> recent = entry.getValue().recent();
            for (int i = 0; i < recent.size(); i++) {
                text.append(i == 0 ? "" : ",").append(recent.get(i).getEpochSecond());
            }
            text.append('\n');
        }
        PrivateFiles.replace(directory.resolve(FILE_NAME), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Visits> read(Path directory, List<String> warnings) {
        Path file = directory.resolve(FILE_NAME);
        String text;
        try {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                // a link or a FIFO planted there: reading it could read another file or wait for ever
                warnings.add(file + ": not a regular file; history not read (remove it)");
                return new HashMap<>();
            }
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new HashMap<>();
        } catch (IOException e) {
            warnings.add(file + ": cannot read the history: " + e.getMessage());
            return new HashMap<>();
        }
        Optional<Map<String, Visits>> parsed = parse(text);
        if (parsed.isPresent()) {
            return parsed.get();
        }
        // made here, not kept in a constant: building a formatter costs every start a few milliseconds
        DateTimeFormatter setAsideTime = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
        Path aside = directory.resolve(FILE_NAME + ".corrupt-" + setAsideTime.format(Instant.now()));
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            warnings.add(file + ": not a jhosts history; set aside as " + aside.getFileName() + ", starting afresh");
        } catch (IOException e) {
            warnings.add(file + ": not a jhosts history, and it cannot be set aside (" + e.getMessage()
                    + "); it will be replaced");
        }
        return new HashMap<>();
    }

    private static Optional<Map<String, Visits>> parse(String text) {
        String[] lines = text.split("\n", -1);
        if (!lines[0].equals(HEADER)) {
            return Optional.empty();
        }
        Map<String, Visits> visits = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                if (i == lines.length - 1) {
                    break;
                }
                return Optional.empty();
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 3 || fields[0].isEmpty()) {
                return Optional.empty();
            }
            try {
                long connects = Long.parseLong(fields[1]);
                List<Instant> recent = new ArrayList<>();
                for (String second : fields[2].split(",")) {
                    recent.add(Instant.ofEpochSecond(Long.parseLong(second)));
                }
                if (connects < recent.size() || recent.size() > KEPT_CONNECTS) {
                    return Optional.empty();
                }
                recent.sort(Comparator.reverseOrder());
                visits.put(fields[0], new Visits(connects, recent));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.of(visits);
    }
}
