package dev.jhosts.master;

/** Who asked for a forward that a master carries. */
public enum ForwardOrigin {
    /** Added through jhosts: {@code jhosts forward}, or the picker's status pane. */
    JHOSTS("jhosts"),
    /** Opened by jhosts when it made the master, from the {@code forwards} setting. */
    SETTING("setting"),
    /** The host's own LocalForward, RemoteForward or DynamicForward, which ssh opens when it makes the master. */
    CONFIG("config");

    private final String word;

    ForwardOrigin(String word) {
        this.word = word;
    }

    /** How lists and JSON name it. */
    public String word() {
        return word;
    }
}
