package dev.jhosts.completion;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The shells {@code jhosts completion} writes a script for. */
public enum CompletionShell {
    BASH, ZSH, FISH;

    /** The shell's name as typed: bash, zsh, fish. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> words() {
        return Arrays.stream(values()).map(CompletionShell::word).toList();
    }

    public static Optional<CompletionShell> of(String word) {
        return Arrays.stream(values()).filter(shell -> shell.word().equals(word)).findFirst();
    }

    /** The completion script for this shell, for a command line of these {@code shapes}. */
    public String script(List<CommandShape> shapes) {
        return switch (this) {
            case BASH -> BashCompletion.script(shapes);
            case ZSH -> ZshCompletion.script(shapes);
            case FISH -> FishCompletion.script(shapes);
        };
    }
}
