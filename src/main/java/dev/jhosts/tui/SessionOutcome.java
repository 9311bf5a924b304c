package dev.jhosts.tui;

/**
 * How a session from the list ended.
 *
 * @param status the remote exit status (255 when none came back), or -1 when no session ran
 * @param summary a few words for the status line: "exit 3", or why no session ran
 */
record SessionOutcome(int status, String summary) {
    static SessionOutcome none(String why) {
        return new SessionOutcome(-1, why);
    }
}
