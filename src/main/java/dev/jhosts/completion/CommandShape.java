package dev.jhosts.completion;

import java.util.List;

/**
 * What a completion script offers after one command path ({@code ""} for {@code jhosts}
 * itself, {@code "master check"}), taken from the command line's own definition so that the
 * scripts never fall behind it.
 *
 * @param path the subcommand words, separated by one space
 * @param subcommands the subcommands that may follow
 * @param options every option name the command accepts
 * @param fileOptions the options whose value is a file ({@code -F}, {@code -c})
 * @param valueOptions the other options that take a value (after them nothing is offered)
 * @param argument what the positional arguments are
 * @param repeated whether every positional argument is one ({@code master start HOST...}) or only the first
 * @param words the fixed choices for {@link Argument#WORD}
 */
public record CommandShape(
        String path,
        List<String> subcommands,
        List<String> options,
        List<String> fileOptions,
        List<String> valueOptions,
        Argument argument,
        boolean repeated,
        List<String> words) {

    public CommandShape {
        subcommands = List.copyOf(subcommands);
        options = List.copyOf(options);
        fileOptions = List.copyOf(fileOptions);
        valueOptions = List.copyOf(valueOptions);
        words = List.copyOf(words);
    }

    /** What a command's positional arguments are. */
    public enum Argument {
        NONE,
        /** a host alias of the catalogue */
        HOST,
        /** a host whose master is live */
        LIVE_HOST,
        /** one of {@link CommandShape#words()} */
        WORD;

        /** The name the scripts use. */
        String scriptName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
