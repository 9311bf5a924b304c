package dev.jhosts.files;

import java.util.List;

/**
 * The end of a copy on one host.
 *
 * @param files files, links and directories completed
 * @param bytes bytes written at the destination
 * @param skipped destinations left alone ({@code --no-clobber})
 * @param failures what failed, each with its reason
 * @param cancelled whether it was stopped before its end
 */
public record CopyResult(int files, long bytes, int skipped, List<Failure> failures, boolean cancelled) {
    /** One path that failed. */
    public record Failure(String path, String reason) {}

    public CopyResult {
        failures = List.copyOf(failures);
    }

    public boolean complete() {
        return failures.isEmpty() && !cancelled;
    }
}
