package dev.jhosts.files;

/**
 * One thing a copy does, planned before it begins. {@code within} is the destination directory
 * this step writes into when that directory is itself made by the copy (empty for the paths the
 * command line names): a step is done only when that directory was made, as a real directory.
 */
sealed interface Step {
    String from();

    String within();

    record MakeDirectory(String from, String to, Node.Directory node, String within) implements Step {}

    record CopyFile(String from, String to, Node.File node, String within) implements Step {}

    record CopyLink(String from, String to, String target, String within) implements Step {}

    /** A source that cannot be copied, found while planning (reported, the rest goes on). */
    record Refused(String from, String reason, String within) implements Step {}
}
