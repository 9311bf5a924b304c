package dev.jhosts.files;

/**
 * What a copy does, as it does it, told to a {@link CopyListener} from the copy's thread: the
 * data a progress display (the command line's, a pane's) is made of. Paths are as the source
 * side names them, unescaped: show them with {@link EntryNames#shown}.
 */
public sealed interface CopyEvent {
    /** The host the copy goes to or comes from. */
    String host();

    /** The copy's plan is made: this many files and bytes to copy. */
    record Planned(String host, int files, long bytes) implements CopyEvent {}

    /** A file starts; {@code resumedAt} bytes of it are already there ({@code --resume}). */
    record FileStarted(String host, String path, long size, long resumedAt) implements CopyEvent {}

    /** {@code bytes} more bytes of the current file have been written at the destination. */
    record Transferred(String host, long bytes) implements CopyEvent {}

    /** A file (or directory, or link) is complete. */
    record FileFinished(String host, String path, long bytes) implements CopyEvent {}

    /** Left alone ({@code --no-clobber}). */
    record Skipped(String host, String path, String reason) implements CopyEvent {}

    /** This path failed; the copy goes on with the others. */
    record Failed(String host, String path, String reason) implements CopyEvent {}
}
