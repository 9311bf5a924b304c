package dev.jhosts.config;

import java.time.Duration;
import java.util.List;

/**
 * Prompts of masters launched for the user.
 *
 * @param askAtStart hosts whose masters the picker launches at start letting ssh ask (typically a
 *     bastion: one code early in the day, and everything behind it comes up)
 * @param passwordCommands commands that answer password prompts, tried before the dialog
 */
public record PromptSettings(List<String> askAtStart, List<PasswordCommand> passwordCommands) {
    public PromptSettings {
        askAtStart = List.copyOf(askAtStart);
        passwordCommands = List.copyOf(passwordCommands);
    }

    public static PromptSettings none() {
        return new PromptSettings(List.of(), List.of());
    }

    /**
     * A command whose first line of output answers the password prompts of {@code hosts}.
     *
     * @param hosts aliases, ssh-style patterns, {@code tag:NAME} and {@code !pattern}, separated by spaces
     * @param command the program and its arguments, run without a shell
     * @param timeout past it the command is killed and the dialog asks
     */
    public record PasswordCommand(String hosts, List<String> command, Duration timeout) {
        public PasswordCommand {
            command = List.copyOf(command);
        }
    }
}
