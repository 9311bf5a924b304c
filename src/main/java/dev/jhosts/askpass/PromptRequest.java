package dev.jhosts.askpass;

/**
 * One prompt of a master's launch, for a dialog.
 *
 * @param id to answer it by
 * @param host the host the launch is for (a jump host's prompt names the jump host)
 * @param text ssh's own prompt text
 */
public record PromptRequest(long id, String host, String text, PromptKind kind) {}
