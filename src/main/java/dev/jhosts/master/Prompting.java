package dev.jhosts.master;

/** Whether a launch may ask the user: never (BatchMode, the default), or through a prompt channel. */
public sealed interface Prompting {
    /** BatchMode=yes: a launch that needs an answer fails, and says it needs the user. */
    record Never() implements Prompting {}

    /** BatchMode=no, SSH_ASKPASS_REQUIRE=force: every prompt goes to {@code channel}. */
    record Through(PromptChannel channel) implements Prompting {}

    /** BatchMode=no and nothing else: ssh asks on the controlling terminal, as it always does. */
    record OnTerminal() implements Prompting {}
}
