package dev.jhosts.master;

/** How one {@code ssh -M} launch ended. */
public sealed interface LaunchOutcome {
    /**
     * ssh authenticated, made the socket and went to the background.
     *
     * @param prompts what serves the new master's confirmations once its pid is known ({@link
     *     MasterPrompts#NONE} for a master that does not ask)
     */
    record Launched(MasterPrompts prompts) implements LaunchOutcome {
        public Launched() {
            this(MasterPrompts.NONE);
        }
    }

    /** ssh gave up; {@code reason} is its own last words from the master log. */
    record Failed(String reason, boolean needsPrompt) implements LaunchOutcome {}
}
