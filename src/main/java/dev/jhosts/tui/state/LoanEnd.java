package dev.jhosts.tui.state;

import java.util.Objects;

/** How the terminal came back to the list after it was lent (a session, a plain ssh, a stop). */
public sealed interface LoanEnd {
    /** Where a user leaving a live session wants to go. */
    enum Toward { LIST, NEXT, PREVIOUS }

    /** The user left session {@code id}, which goes on. */
    record Detached(long id, Toward toward) implements LoanEnd {
        public Detached {
            Objects.requireNonNull(toward, "toward");
        }
    }

    /** Session {@code id} ended while it had the terminal; {@code status} is -1 when there is none. */
    record SessionOver(long id, String summary, int status) implements LoanEnd {}

    /** A plain ssh on the terminal ended (the host needed the user and jhosts could not ask). */
    record SshOver(String alias, String summary, int status) implements LoanEnd {}

    /** jhosts was stopped (Ctrl-Z) and is continued; {@code problem} is empty, or why it did not stop. */
    record Resumed(String problem) implements LoanEnd {}
}
