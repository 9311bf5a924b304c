package dev.jhosts.master;

/**
 * Where the prompts of a master launched for the user go (the picker's dialogs, through jhosts'
 * SSH_ASKPASS helper). The master layer only opens a session per launch and hands its
 * environment to ssh; it never sees a prompt or an answer.
 */
public interface PromptChannel {
    /** A session for one launch of the master named {@code forLabel} (dialogs name the host they are for). */
    PromptSession open(String forLabel);

    /**
     * A session for the launch of a master that asks to confirm each use (ControlMaster
     * ask/autoask), kept beyond the launch: see {@link MasterPrompts}. Closing it before {@link
     * MasterPrompts#keepWhile} ends it as {@link PromptSession#close} does.
     */
    MasterPrompts openForMaster(String forLabel);
}
