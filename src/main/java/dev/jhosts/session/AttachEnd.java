package dev.jhosts.session;

import java.util.Objects;

/** Why {@link BridgedSession#attach} gave the terminal back. */
public sealed interface AttachEnd {
    /** Where the user asked to go when leaving a session that goes on. */
    enum Toward { LIST, NEXT, PREVIOUS }

    /** The session goes on without the terminal (detach key, {@code ~^Z}, next or previous key). */
    record Detached(Toward toward) implements AttachEnd {
        public Detached {
            Objects.requireNonNull(toward, "toward");
        }
    }

    /** The session is over. */
    record Ended(BridgeEnd end) implements AttachEnd {
        public Ended {
            Objects.requireNonNull(end, "end");
        }
    }
}
