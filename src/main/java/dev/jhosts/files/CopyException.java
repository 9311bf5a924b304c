package dev.jhosts.files;

/** A copy that cannot begin: no such destination directory, several sources to one file… */
public final class CopyException extends java.io.IOException {
    private static final long serialVersionUID = 1L;

    public CopyException(String message) {
        super(message);
    }
}
