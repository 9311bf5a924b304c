package dev.jhosts.master;

/**
 * Where the prompts of a master launched for the user go (the picker's dialogs, through jhosts'
 * SSH_ASKPASS helper). The master layer only opens a session per launch and hands its
 * environment to ssh; it never sees a prompt or an answer.
 */
public interface PromptChannel {
    /** A session for one launch of the master named {@code forLabel} (dialogs name the host they are for). */
    PromptSession open(String forLabel);
}
