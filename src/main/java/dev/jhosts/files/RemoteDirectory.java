package dev.jhosts.files;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * A remote directory's listing as a files pane shows it: directories first, then by name;
 * entries whose name cannot be used (see {@link EntryNames}) kept apart, to be shown escaped and
 * never opened. Read in the server's batches, each batch handed on as it comes, so that a
 * directory of a hundred thousand entries fills a pane page by page instead of freezing it.
 */
public final class RemoteDirectory {
    /** Directories first, then names in code-point order. */
    public static final Comparator<RemoteEntry> ORDER = Comparator
            .comparing((RemoteEntry entry) -> !entry.isDirectory())
            .thenComparing(RemoteEntry::name);

    private RemoteDirectory() {}

    /**
     * One batch or the whole.
     *
     * @param path the directory as the server resolved it (absolute)
     * @param entries usable entries, "." and ".." left out, in {@link #ORDER} (in the whole; a batch as it came)
     * @param refused names that cannot be used, escaped for display
     */
    public record Listing(String path, List<RemoteEntry> entries, List<String> refused) {
        public Listing {
            entries = List.copyOf(entries);
            refused = List.copyOf(refused);
        }
    }

    /**
     * Reads {@code path} ("." is the login directory); {@code batches} hears each batch as it
     * comes (from this thread); returns the whole, sorted.
     */
    public static Listing read(SftpClient client, String path, Consumer<Listing> batches) throws IOException {
        String absolute = client.realPath(path);
        List<RemoteEntry> all = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        client.readDirectory(absolute, batch -> {
            List<RemoteEntry> usable = new ArrayList<>(batch.size());
            List<String> odd = new ArrayList<>();
            for (RemoteEntry entry : batch) {
                if (entry.isSelfOrParent()) {
                    continue;
                }
                if (EntryNames.problem(entry.name()).isPresent()) {
                    odd.add(EntryNames.shown(entry.name()));
                } else {
                    usable.add(entry);
                }
            }
            all.addAll(usable);
            refused.addAll(odd);
            batches.accept(new Listing(absolute, usable, odd));
        });
        all.sort(ORDER);
        return new Listing(absolute, all, refused);
    }
}
