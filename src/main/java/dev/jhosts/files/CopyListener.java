package dev.jhosts.files;

/** Hears a copy's events, on the copy's thread (several copies: several threads at once). */
@FunctionalInterface
public interface CopyListener {
    CopyListener NONE = event -> { };

    void event(CopyEvent event);
}
