package dev.jhosts.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code # jhosts:} comment convention in an ssh config. In a Host block (a comment line
 * between the Host line and the next Host or Match line, or a trailing comment on the Host
 * line itself) it notes every host the block applies to:
 *
 * <pre>
 * Host web1 web2   # jhosts: tags=prod,web group=Production
 *     # jhosts: description="Front end, rack 4" favourite
 *     HostName %h.example.com
 * </pre>
 *
 * Items are separated by spaces and quoted like ssh arguments: {@code tags=a,b} (commas or
 * repeated items add tags), {@code tag=a}, {@code group=NAME}, {@code description=TEXT},
 * {@code favourite} (or {@code favorite}). Keys are case-insensitive.
 */
final class NotesComment {
    static final String MARKER = "jhosts:";

    private NotesComment() {}

    /** The outcome of reading one comment. */
    sealed interface Outcome {
        /** Not a jhosts comment: an ordinary comment. */
        record NotNotes() implements Outcome {}

        /** The notes; {@code problems} name items that were skipped. */
        record Notes(HostNotes notes, List<String> problems) implements Outcome {
            public Notes {
                problems = List.copyOf(problems);
            }
        }
    }

    /** Reads {@code text}, the comment without its leading {@code #}. */
    static Outcome read(String text) {
        String body = text.strip();
        if (body.length() < MARKER.length() || !body.regionMatches(true, 0, MARKER, 0, MARKER.length())) {
            return new Outcome.NotNotes();
        }
        List<String> problems = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        String group = "";
        String description = "";
        boolean favourite = false;
        for (String item : words(body.substring(MARKER.length()), problems)) {
            int equals = item.indexOf('=');
            String key = (equals < 0 ? item : item.substring(0, equals)).toLowerCase(Locale.ROOT);
            Optional<String> value = equals < 0 ? Optional.empty() : Optional.of(item.substring(equals + 1));
            switch (key) {
                case "tags", "tag" -> value.ifPresentOrElse(
                        v -> splitTags(v, tags), () -> problems.add("'" + key + "' needs a value"));
                case "group" -> group = value.orElse(group);
                case "description" -> description = value.orElse(description);
                case "favourite", "favorite" -> favourite = value.map(NotesComment::isTrue).orElse(true);
                default -> problems.add("unknown jhosts note '" + item + "'");
            }
            if ((key.equals("group") || key.equals("description")) && value.isEmpty()) {
                problems.add("'" + key + "' needs a value");
            }
        }
        return new Outcome.Notes(new HostNotes(tags, group, description, favourite), problems);
    }

    /**
     * {@code notes} as the text of a comment after its {@code #} (without the blank after it):
     * {@code jhosts: tags=a,b group=G description="Front end" favourite}, each value quoted when it
     * holds a blank, a quote, a backslash or a {@code #}, so that {@link #read} gives them back.
     * Tags must not hold commas; no value may hold a control character ({@link NotesChange} checks).
     */
    static String write(HostNotes notes) {
        StringBuilder text = new StringBuilder(MARKER);
        if (!notes.tags().isEmpty()) {
            text.append(" tags=").append(quoted(String.join(",", notes.tags())));
        }
        if (!notes.group().isEmpty()) {
            text.append(" group=").append(quoted(notes.group()));
        }
        if (!notes.description().isEmpty()) {
            text.append(" description=").append(quoted(notes.description()));
        }
        if (notes.favourite()) {
            text.append(" favourite");
        }
        return text.toString();
    }

    private static String quoted(String value) {
        if (value.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '\\' || c == '#')) {
            return value;
        }
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static boolean isTrue(String value) {
        return !(value.equalsIgnoreCase("false") || value.equalsIgnoreCase("no") || value.equals("0"));
    }

    private static void splitTags(String value, List<String> into) {
        for (String tag : value.split(",")) {
            if (!tag.isBlank()) {
                into.add(tag.strip());
            }
        }
    }

    /** Space-separated words; double or single quotes group, a backslash escapes the next character. */
    private static List<String> words(String text, List<String> problems) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
                inWord = true;
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (c == ' ' || c == '\t') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            problems.add("unclosed quote");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
