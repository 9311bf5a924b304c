package dev.jhosts.master;

import dev.jhosts.config.PrivateFiles;
import java.io.StringWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/** The {@link LaunchRecord}s in a control directory, one small file per master, written atomically. */
public final class LaunchRecords {
    private static final String SUFFIX = ".master";

    private final ControlDirectory directory;

    public LaunchRecords(ControlDirectory directory) {
        this.directory = directory;
    }

    public void write(LaunchRecord launch) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("socket", launch.socket().toString());
        // one key per name: a hop of a chain is named "b via a"
        for (int i = 0; i < launch.aliases().size(); i++) {
            properties.setProperty("alias." + i, launch.aliases().get(i));
        }
        properties.setProperty("started", Long.toString(launch.started().toEpochMilli()));
        properties.setProperty("pid", Long.toString(launch.pid()));
        for (int i = 0; i < launch.via().size(); i++) {
            properties.setProperty("via." + i + ".label", launch.via().get(i).label());
            properties.setProperty("via." + i + ".socket", launch.via().get(i).socket().toString());
        }
        Path file = directory.recordFor(launch.socket(), SUFFIX);
        StringWriter text = new StringWriter();
        properties.store(text, "jhosts master launch record");
        // 0600, atomic, and never through a link planted at the name
        PrivateFiles.replace(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    public Optional<LaunchRecord> find(Path socket) {
        return read(directory.recordFor(socket, SUFFIX)).filter(launch -> launch.socket().equals(socket));
    }

    /** Forgets the master at {@code socket}: its launch record and the forwards noted for it. */
    public void remove(Path socket) {
        try {
            Files.deleteIfExists(directory.recordFor(socket, SUFFIX));
            new ForwardRecords(directory).removeAll(socket);
        } catch (IOException ignored) {
            // a record left behind only says "started by jhosts" for a socket that is gone
        }
    }

    /** Every readable record; unreadable ones are skipped. */
    public List<LaunchRecord> all() {
        List<LaunchRecord> records = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory.path(), "*" + SUFFIX)) {
            for (Path file : files) {
                read(file).ifPresent(records::add);
            }
        } catch (IOException ignored) {
            // an unreadable directory has no records to offer
        }
        return records;
    }

    private static Optional<LaunchRecord> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            String socket = properties.getProperty("socket", "");
            if (socket.isEmpty()) {
                return Optional.empty();
            }
            List<String> aliases = new ArrayList<>();
            for (int i = 0; properties.containsKey("alias." + i); i++) {
                aliases.add(properties.getProperty("alias." + i));
            }
            // records of earlier versions: the names in one line
            Arrays.stream(properties.getProperty("aliases", "").split(" "))
                    .filter(alias -> !alias.isEmpty()).forEach(aliases::add);
            List<Via> via = new ArrayList<>();
            for (int i = 0; properties.containsKey("via." + i + ".socket"); i++) {
                via.add(new Via(properties.getProperty("via." + i + ".label", ""),
                        Path.of(properties.getProperty("via." + i + ".socket"))));
            }
            return Optional.of(new LaunchRecord(Path.of(socket), aliases,
                    Instant.ofEpochMilli(Long.parseLong(properties.getProperty("started", "0"))),
                    Long.parseLong(properties.getProperty("pid", "0")), via));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
