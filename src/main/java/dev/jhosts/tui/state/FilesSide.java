package dev.jhosts.tui.state;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One side of the files pane: a directory, its entries, the selected one and the marked ones.
 *
 * @param path the directory shown, absolute once listed; "." (remote: the login directory) or
 *     "" (local: the current directory) before
 * @param entries its entries, directories first
 * @param selected the selected entry's index
 * @param loading whether the listing is being fetched
 * @param problem why it could not be listed; empty for none
 * @param marks the names marked for a copy or a delete
 */
public record FilesSide(String path, List<FileEntry> entries, int selected, boolean loading, String problem,
        Set<String> marks) {

    public FilesSide {
        entries = List.copyOf(entries);
        marks = Set.copyOf(marks);
        selected = entries.isEmpty() ? 0 : Math.max(0, Math.min(selected, entries.size() - 1));
    }

    /** A side about to list {@code path}. */
    public static FilesSide loading(String path) {
        return new FilesSide(path, List.of(), 0, true, "", Set.of());
    }

    /**
     * The listing of {@code listedPath} arrived; the selection stays on the entry of the same name
     * when the directory is the same (a listing again after a copy), else goes to {@code select}
     * (the directory just left, going up) or the first.
     */
    public FilesSide listed(String listedPath, List<FileEntry> newEntries, String select) {
        String keep = listedPath.equals(path) ? selectedEntry().map(FileEntry::name).orElse(select) : select;
        int index = 0;
        for (int i = 0; i < newEntries.size(); i++) {
            if (newEntries.get(i).name().equals(keep)) {
                index = i;
            }
        }
        Set<String> names = new HashSet<>();
        newEntries.forEach(entry -> names.add(entry.name()));
        Set<String> keptMarks = new HashSet<>(listedPath.equals(path) ? marks : Set.of());
        keptMarks.retainAll(names);
        return new FilesSide(listedPath, newEntries, index, false, "", keptMarks);
    }

    public FilesSide failed(String reason) {
        return new FilesSide(path, List.of(), 0, false, reason, Set.of());
    }

    public FilesSide withSelected(int index) {
        return new FilesSide(path, entries, index, loading, problem, marks);
    }

    /** The selected entry's mark turned over, and the selection one down. */
    public FilesSide toggleMark() {
        Optional<FileEntry> entry = selectedEntry();
        if (entry.isEmpty()) {
            return this;
        }
        Set<String> changed = new HashSet<>(marks);
        if (!changed.remove(entry.get().name())) {
            changed.add(entry.get().name());
        }
        return new FilesSide(path, entries, selected + 1, loading, problem, changed);
    }

    public FilesSide withoutMarks() {
        return new FilesSide(path, entries, selected, loading, problem, Set.of());
    }

    public Optional<FileEntry> selectedEntry() {
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(selected));
    }

    /** The marked entries' names in listing order, or the selected one's when none is marked. */
    public List<String> chosen() {
        if (!marks.isEmpty()) {
            return entries.stream().map(FileEntry::name).filter(marks::contains).toList();
        }
        return selectedEntry().map(entry -> List.of(entry.name())).orElse(List.of());
    }

    /** Whether any chosen entry is a directory. */
    public boolean chosenHasDirectory() {
        List<String> names = chosen();
        return entries.stream().anyMatch(entry -> entry.directory() && names.contains(entry.name()));
    }

    /** {@code name} in this side's directory. */
    public String child(String name) {
        if (path.isEmpty() || path.equals(".")) {
            return name;
        }
        return path.endsWith("/") ? path + name : path + "/" + name;
    }

    /** The directory above this one ("/" stays "/"). */
    public String parent() {
        if (path.equals("/") || path.isEmpty() || path.equals(".")) {
            return path;
        }
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int slash = trimmed.lastIndexOf('/');
        return slash <= 0 ? "/" : trimmed.substring(0, slash);
    }

    /** This directory's own name (what going up selects). */
    public String name() {
        String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
