package dev.jhosts.askpass;

import java.util.Locale;

/** What ssh asks, as the dialog must show it. */
public enum PromptKind {
    /** A password, passphrase or one-time code: typed masked. */
    SECRET,
    /** A question answered in words, such as the host-key question "(yes/no/[fingerprint])?": typed visibly. */
    TEXT,
    /** SSH_ASKPASS_PROMPT=confirm (ControlMaster ask, agent confirmation): yes or no. */
    CONFIRM,
    /** SSH_ASKPASS_PROMPT=none: a notice, nothing to answer. */
    NOTICE;

    /** The kind of a prompt, from ssh's SSH_ASKPASS_PROMPT and its text (readpass.c). */
    static PromptKind of(String askpassPrompt, String text) {
        if (askpassPrompt.equals("confirm")) {
            return CONFIRM;
        } else if (askpassPrompt.equals("none")) {
            return NOTICE;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("(yes/no") ? TEXT : SECRET;
    }
}
