package dev.jhosts.master;

import dev.jhosts.config.PrivateFiles;
import java.io.StringWriter;
import dev.jhosts.mux.Forward;
import java.io.IOException;
import java.io.Reader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The forwards jhosts opened on each master, one small file per master in the control directory
 * (0600, replaced atomically), so that a later jhosts process lists them while that master
 * lives. OpenSSH 9.2 cannot be asked which forwards a master carries (MUX_C_EXT_INFO and
 * {@code -O channels} came in 10.3), so this note is the only list there is.
 *
 * <p>A record names the master's pid: a new master at the same ControlPath has another pid, and
 * the forwards of the old one are not shown for it. Changes take a lock on the record's own lock
 * file, so two jhosts processes adding forwards to one master at once both keep theirs.
 */
public final class ForwardRecords {
    /** The file name suffix of a master's forward record. */
    static final String SUFFIX = ".forwards";
    private static final String LOCK_SUFFIX = ".forwards.lock";
    /** The record of the last master found dead at a socket. */
    private static final String GONE_SUFFIX = ".forwards.gone";

    /**
     * One change at a time in this process: a file lock keeps other processes out, but two
     * channels of one JVM asking for it throw OverlappingFileLockException instead of waiting.
     */
    private static final Object IN_PROCESS = new Object();

    private final ControlDirectory directory;

    public ForwardRecords(ControlDirectory directory) {
        this.directory = directory;
    }

    /** The forwards recorded for the master with {@code pid} at {@code socket}; none for another pid. */
    public List<ListedForward> read(Path socket, long pid) {
        return load(socket).filter(record -> record.pid == pid).map(record -> record.forwards).orElse(List.of());
    }

    /**
     * The forwards recorded for the masters last at {@code socket}, whatever their pids: the
     * record of the master there now (or of a dead one nobody has cleared yet) and that of the
     * last master found dead there, to open again on the next one.
     */
    public List<ListedForward> readLast(Path socket) {
        List<ListedForward> all = new ArrayList<>();
        load(file(socket), socket).ifPresent(record -> all.addAll(record.forwards));
        load(directory.recordFor(socket, GONE_SUFFIX), socket).ifPresent(record -> all.addAll(record.forwards));
        return all;
    }

    /** Notes {@code entry} for the master with {@code pid} at {@code socket}, replacing one of the same forward. */
    public void put(Path socket, long pid, ListedForward entry) throws IOException {
        change(socket, pid, forwards -> {
            forwards.removeIf(existing -> existing.forward().equals(entry.forward()));
            forwards.add(entry);
        });
    }

    /** Forgets {@code forward} on the master with {@code pid} at {@code socket}. */
    public void remove(Path socket, long pid, Forward forward) throws IOException {
        change(socket, pid, forwards -> forwards.removeIf(existing -> existing.forward().equals(forward)));
    }

    /**
     * Forgets every forward of the master at {@code socket} (it is gone); its record is kept
     * aside, never listed, for {@link #readLast} (its sessions may make the master again).
     */
    void removeAll(Path socket) {
        try {
            Path file = file(socket);
            if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.move(file, directory.recordFor(socket, GONE_SUFFIX), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            Files.deleteIfExists(file);
            Files.deleteIfExists(directory.recordFor(socket, LOCK_SUFFIX));
        } catch (IOException ignored) {
            // a record left behind names a pid no new master will have
        }
    }

    private interface Change {
        void apply(List<ListedForward> forwards);
    }

    private void change(Path socket, long pid, Change change) throws IOException {
        synchronized (IN_PROCESS) {
            changeLocked(socket, pid, change);
        }
    }

    private void changeLocked(Path socket, long pid, Change change) throws IOException {
        Path lockFile = directory.recordFor(socket, LOCK_SUFFIX);
        if (!Files.exists(lockFile)) {
            try {
                Files.createFile(lockFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another jhosts made it first
            }
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            List<ListedForward> forwards = new ArrayList<>(read(socket, pid));
            change.apply(forwards);
            write(socket, pid, forwards);
        }
    }

    private void write(Path socket, long pid, List<ListedForward> forwards) throws IOException {
        Path file = file(socket);
        if (forwards.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        Properties properties = new Properties();
        properties.setProperty("socket", socket.toString());
        properties.setProperty("pid", Long.toString(pid));
        for (int i = 0; i < forwards.size(); i++) {
            ListedForward entry = forwards.get(i);
            String key = "forward." + i + ".";
            properties.setProperty(key + "option", entry.forward().kind().option());
            properties.setProperty(key + "spec", entry.forward().describe());
            properties.setProperty(key + "origin", entry.origin().name().toLowerCase(Locale.ROOT));
            properties.setProperty(key + "status", entry.status().name().toLowerCase(Locale.ROOT));
            properties.setProperty(key + "port", Integer.toString(entry.allocatedPort()));
            properties.setProperty(key + "since", Long.toString(entry.since().toEpochMilli()));
            properties.setProperty(key + "problem", entry.problem());
        }
        StringWriter text = new StringWriter();
        properties.store(text, "jhosts: forwards opened on a master");
        // 0600, atomic, and never through a link planted at the name
        PrivateFiles.replace(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private Path file(Path socket) {
        return directory.recordFor(socket, SUFFIX);
    }

    private record Loaded(long pid, List<ListedForward> forwards) {}

    private Optional<Loaded> load(Path socket) {
        return load(file(socket), socket);
    }

    private Optional<Loaded> load(Path file, Path socket) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            if (!socket.toString().equals(properties.getProperty("socket"))) {
                return Optional.empty();
            }
            List<ListedForward> forwards = new ArrayList<>();
            for (int i = 0; properties.containsKey("forward." + i + ".spec"); i++) {
                String key = "forward." + i + ".";
                Forward forward = Forward.parseOption(properties.getProperty(key + "option", "") + " "
                        + properties.getProperty(key + "spec"));
                forwards.add(new ListedForward(forward,
                        ForwardOrigin.valueOf(properties.getProperty(key + "origin", "jhosts").toUpperCase(Locale.ROOT)),
                        ListedForward.Status.valueOf(properties.getProperty(key + "status", "open").toUpperCase(Locale.ROOT)),
                        Integer.parseInt(properties.getProperty(key + "port", "0")),
                        Instant.ofEpochMilli(Long.parseLong(properties.getProperty(key + "since", "0"))),
                        properties.getProperty(key + "problem", "")));
            }
            return Optional.of(new Loaded(Long.parseLong(properties.getProperty("pid", "0")), forwards));
        } catch (IOException | IllegalArgumentException e) {
            // a damaged record lists nothing; the next change writes a good one
            return Optional.empty();
        }
    }
}
