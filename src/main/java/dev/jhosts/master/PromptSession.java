package dev.jhosts.master;

import java.util.Map;

/** The prompts of one launch: what ssh's environment needs to reach them, and how they ended. */
public interface PromptSession extends AutoCloseable {
    /** SSH_ASKPASS and the helper's private channel (a socket path and this launch's one-time token). */
    Map<String, String> environment();

    /** Whether the user cancelled a prompt of this launch. */
    boolean cancelled();

    /** Ends the session: its token is no longer accepted. */
    @Override
    void close();
}
