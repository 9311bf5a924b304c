package dev.jhosts.cli;

import dev.jhosts.catalog.Host;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Notices that the files the host list comes from changed: the ssh config, the settings, the
 * system ssh config, every file a host's block is in, and their folders (a file added to an
 * {@code Include}'d folder). It looks at their sizes and times every {@link #INTERVAL_MILLIS},
 * on one thread, and tells {@code changed} once per change: a long-running server never shows a
 * stale list, and a quiet one costs a few {@code stat} calls.
 */
final class CatalogueWatch implements AutoCloseable {
    static final long INTERVAL_MILLIS = 2_000;

    /** A file's look: what changes when it is written, replaced or removed. */
    private record Look(Path path, Object key, long size, long modified) {}

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread watch = new Thread(runnable, "jhosts-catalogue-watch");
        watch.setDaemon(true);
        return watch;
    });
    private final List<Path> fixed;
    private volatile Set<Path> watched;
    private List<Look> last;

    /**
     * @param fixed the files watched whatever the hosts (ssh config, settings)
     * @param changed told on the watch's thread, with nothing changed meanwhile reported twice
     */
    CatalogueWatch(List<Path> fixed, Collection<Host> hosts, Runnable changed) {
        this.fixed = List.copyOf(fixed);
        this.watched = paths(hosts);
        this.last = looks(watched);
        thread.scheduleWithFixedDelay(() -> {
            List<Look> now = looks(watched);
            if (!now.equals(last)) {
                last = now;
                changed.run();
            }
        }, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * The hosts now (after a change): their files are watched from now on. The files watched
     * before keep the looks taken when the change was seen, not new ones: the hosts were read
     * after that look, and a write that ended meanwhile (a file truncated, then written) is a
     * change still to tell, which a look taken now would hide for good.
     */
    void hostsAre(Collection<Host> hosts) {
        Set<Path> paths = paths(hosts);
        thread.execute(() -> {
            Map<Path, Look> seen = new HashMap<>();
            last.forEach(look -> seen.put(look.path(), look));
            watched = paths;
            last = paths.stream().map(path -> seen.containsKey(path) ? seen.get(path) : look(path)).toList();
        });
    }

    private Set<Path> paths(Collection<Host> hosts) {
        Set<Path> paths = new LinkedHashSet<>();
        for (Path path : fixed) {
            paths.add(path);
            if (path.getParent() != null) {
                paths.add(path.getParent());
            }
        }
        for (Host host : hosts) {
            Path file = host.file();
            if (file != null && !file.toString().isEmpty()) {
                paths.add(file);
                if (file.getParent() != null) {
                    paths.add(file.getParent());
                }
            }
        }
        return paths;
    }

    private static List<Look> looks(Set<Path> paths) {
        List<Look> looks = new ArrayList<>(paths.size());
        for (Path path : paths) {
            looks.add(look(path));
        }
        return looks;
    }

    private static Look look(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return new Look(path, Objects.requireNonNullElse(attributes.fileKey(), ""), attributes.size(),
                    attributes.lastModifiedTime().toMillis());
        } catch (IOException missing) {
            return new Look(path, "", -1, -1);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
