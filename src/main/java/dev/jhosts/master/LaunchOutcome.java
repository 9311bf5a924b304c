package dev.jhosts.master;

/** How one {@code ssh -M} launch ended. */
public sealed interface LaunchOutcome {
    /** ssh authenticated, made the socket and went to the background. */
    record Launched() implements LaunchOutcome {}

    /** ssh gave up; {@code reason} is its own last words from the master log. */
    record Failed(String reason, boolean needsPrompt) implements LaunchOutcome {}
}
