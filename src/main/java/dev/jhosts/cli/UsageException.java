package dev.jhosts.cli;

/**
 * A command line jhosts cannot act on, found after picocli parsed it (or on the path that does
 * without picocli, {@link PlainInvocation}): exit status 2, the message as one line.
 */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
