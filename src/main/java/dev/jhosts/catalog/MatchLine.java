package dev.jhosts.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the criteria of a {@code Match} line as OpenSSH's {@code match_cfg_line} (readconf.c)
 * does, and says where ssh would refuse the line.
 *
 * <p>The words are split as OpenSSH 9.2, the installed client, splits them: with
 * {@code strdelim} on the text after the keyword, so that only double quotes group (no single
 * quotes, no backslash escapes) and one {@code =} separates like a space ({@code host=a}).
 * OpenSSH 9.4 and later split the line as other options (argv_split) and accept
 * {@code attribute=value} explicitly; the two differ only for single quotes and backslashes.
 *
 * <p>Rules kept from {@code match_cfg_line}: criteria are read left to right and all must hold
 * (a {@code !} negates one); {@code all} takes no argument and may follow at most one other
 * criterion (so {@code Match canonical all} and {@code Match final all} are accepted);
 * {@code canonical} and {@code final} take none and hold only in the second reading; every
 * other criterion takes one argument, fetched before its name is checked (so a lone unknown
 * word is "Missing Match criteria", an unknown word with an argument "Unsupported Match
 * attribute"); a word starting with {@code #} ends the line. {@code final}, negated or not,
 * asks for the second reading (9.2; 9.4 and later only when it is not negated).
 */
final class MatchLine {
    private MatchLine() {}

    /** One criterion of a Match line. */
    sealed interface Criterion {
        boolean negated();

        /** {@code all}. */
        record All(boolean negated) implements Criterion {}

        /** {@code canonical} or {@code final}: true in the second reading of the config only. */
        record SecondPass(boolean negated) implements Criterion {}

        /** {@code host}: the HostName obtained so far (its {@code %h} expanded), else the alias. */
        record HostName(boolean negated, PatternList patterns) implements Criterion {}

        /** {@code originalhost}: the name given to ssh. */
        record OriginalHost(boolean negated, PatternList patterns) implements Criterion {}

        /** {@code user}: the User obtained so far, else the local user. */
        record User(boolean negated, PatternList patterns) implements Criterion {}

        /** {@code localuser}: the local user. */
        record LocalUser(boolean negated, PatternList patterns) implements Criterion {}

        /**
         * {@code tagged} (OpenSSH 9.4): the Tag obtained so far; with no Tag only the empty
         * argument matches.
         */
        record Tagged(boolean negated, String argument, PatternList patterns) implements Criterion {}

        /**
         * A criterion that runs a command or looks outside the config ({@code exec},
         * {@code localnetwork}) or depends on the ssh binary or the command line
         * ({@code version}, {@code sessiontype}, {@code command}): jhosts does not evaluate it.
         */
        record NotEvaluated(boolean negated, String attribute, String argument) implements Criterion {}
    }

    /** What a Match line says. */
    sealed interface Parsed {
        /** Whether the line asks ssh to read the config a second time ({@code final}). */
        boolean requestsFinalPass();

        /** The criteria, in order. */
        record Criteria(List<Criterion> criteria, boolean requestsFinalPass) implements Parsed {
            public Criteria {
                criteria = List.copyOf(criteria);
            }
        }

        /** ssh refuses the line ("Bad Match condition"); {@code problem} is ssh's reason. */
        record Refused(String problem, boolean requestsFinalPass) implements Parsed {}
    }

    /** {@code rest}: the line after the keyword and the blanks that follow it. */
    static Parsed parse(String rest) {
        Words words = new Words(rest);
        List<Criterion> criteria = new ArrayList<>();
        boolean finalPass = false;
        int attributes = 0;
        String word;
        while ((word = words.next()) != null && !word.isEmpty()) {
            if (word.startsWith("#")) {
                words.consumeAll();
                break;
            }
            boolean negated = word.startsWith("!");
            String named = negated ? word.substring(1) : word;
            String attribute = named.toLowerCase(Locale.ROOT);
            if (attribute.equals("all")) {
                String next = words.next();
                if (attributes > 1 || (next != null && !next.isEmpty() && !next.startsWith("#"))) {
                    return new Parsed.Refused("'" + word + "' cannot be combined with other Match attributes", finalPass);
                }
                if (next != null && next.startsWith("#")) {
                    words.consumeAll();
                }
                criteria.add(new Criterion.All(negated));
                break;
            }
            attributes++;
            if (attribute.equals("canonical") || attribute.equals("final")) {
                finalPass |= attribute.equals("final");
                criteria.add(new Criterion.SecondPass(negated));
                continue;
            }
            String argument = words.next();
            boolean emptyAllowed = attribute.equals("tagged") || attribute.equals("command");
            if (argument == null || (argument.isEmpty() && !emptyAllowed) || argument.startsWith("#")) {
                return new Parsed.Refused("Missing Match criteria for " + named, finalPass);
            }
            Criterion criterion = switch (attribute) {
                case "host" -> new Criterion.HostName(negated, PatternList.of(argument, true));
                case "originalhost" -> new Criterion.OriginalHost(negated, PatternList.of(argument, true));
                case "user" -> new Criterion.User(negated, PatternList.of(argument, false));
                case "localuser" -> new Criterion.LocalUser(negated, PatternList.of(argument, false));
                case "tagged" -> new Criterion.Tagged(negated, argument, PatternList.of(argument, false));
                case "exec", "localnetwork", "version", "sessiontype", "command" ->
                        new Criterion.NotEvaluated(negated, attribute, argument);
                default -> null;
            };
            if (criterion == null) {
                return new Parsed.Refused("Unsupported Match attribute " + named, finalPass);
            }
            criteria.add(criterion);
        }
        if (attributes == 0 && criteria.isEmpty()) {
            return new Parsed.Refused("One or more attributes required for Match", finalPass);
        }
        if (!words.consumed()) {
            return new Parsed.Refused("keyword match extra arguments at end of line", finalPass);
        }
        return new Parsed.Criteria(criteria, finalPass);
    }

    /**
     * OpenSSH 9.2's {@code strdelim} (misc.c) over a line: a word ends at a blank, a double quote
     * or one {@code =}; a double quote starts a part that runs to the next one. {@code null} is
     * ssh's NULL: nothing left, or a quote that is not closed.
     */
    private static final class Words {
        private static final String DELIMITERS = " \t\r\n\"=";
        private final String text;
        /** Where the next word starts; -1 for ssh's NULL pointer. */
        private int position;

        Words(String text) {
            this.text = text;
        }

        String next() {
            if (position < 0) {
                return null;
            }
            int start = position;
            int stop = start;
            while (stop < text.length() && DELIMITERS.indexOf(text.charAt(stop)) < 0) {
                stop++;
            }
            if (stop >= text.length()) {
                position = -1;
                return text.substring(start);
            }
            if (text.charAt(stop) == '"') {
                int close = text.indexOf('"', stop + 1);
                if (close < 0) {
                    position = -1;
                    return null;
                }
                position = skipBlanks(close + 1);
                return text.substring(start, stop) + text.substring(stop + 1, close);
            }
            boolean equals = text.charAt(stop) == '=';
            position = skipBlanks(stop + 1);
            if (!equals && position < text.length() && text.charAt(position) == '=') {
                position = skipBlanks(position + 1);
            }
            return text.substring(start, stop);
        }

        void consumeAll() {
            position = -1;
        }

        /** ssh's "str == NULL || *str == '\0'" after the criteria: nothing was left over. */
        boolean consumed() {
            return position < 0 || position >= text.length();
        }

        private int skipBlanks(int from) {
            int i = from;
            while (i < text.length() && " \t\r\n".indexOf(text.charAt(i)) >= 0) {
                i++;
            }
            return i;
        }
    }
}
