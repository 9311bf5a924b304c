package dev.jhosts.catalog;

import java.util.List;

/** One line of an ssh_config file, split the way OpenSSH's readconf.c splits it. */
sealed interface ConfigLine {

    /** An empty line, or one OpenSSH skips without a word (an unmatched quote in the keyword). */
    record Blank() implements ConfigLine {}

    /**
     * A line whose first word starts with {@code #}. {@code text} (what follows the {@code #})
     * is kept only for comments that start with the marker the parser was given; it is empty
     * for the others.
     */
    record Comment(String text) implements ConfigLine {}

    /**
     * A keyword with its arguments.
     *
     * @param keyword the keyword, {@link Keyword#OTHER} for one the catalogue does not read
     * @param arguments the words after the keyword (quotes and escapes removed, a word starting
     *     with {@code #} ends them), for keywords that need them
     * @param rest the text after the keyword and its separator, as ProxyJump and ProxyCommand
     *     take it (and Match, which splits it its own way), for keywords that need it
     * @param comment the text after a {@code #} that ended the arguments, empty for none
     */
    record Directive(Keyword keyword, List<String> arguments, String rest, String comment) implements ConfigLine {
        public Directive {
            arguments = List.copyOf(arguments);
        }
    }

    /** A line OpenSSH rejects; {@code problem} says why, the way ssh would. */
    record Malformed(String keyword, String problem) implements ConfigLine {}
}
