package dev.jhosts.catalog;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An ssh_config file as text to edit: its lines, each with its own line ending ({@code \n},
 * {@code \r\n}, or none for a last line without one), so that what is not changed is written
 * back byte for byte. Lines are read as OpenSSH reads them ({@link ConfigLineParser}) to tell
 * Host, Match and Include lines, options, comments and blanks apart.
 */
final class ConfigDocument {
    /** One line: its text without the line ending, and the ending. */
    record Line(String text, String ending) {
        Line withText(String newText) {
            return new Line(newText, ending);
        }

        Line withEnding(String newEnding) {
            return new Line(text, newEnding);
        }

        /** The spaces and tabs the line starts with. */
        String indentation() {
            int i = 0;
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            return text.substring(0, i);
        }

        boolean isBlank() {
            return text.isBlank();
        }

        boolean isComment() {
            return text.stripLeading().startsWith("#");
        }

        /** The option keyword (as written), empty for blanks and comments. */
        String keyword() {
            String body = text.stripLeading();
            if (body.isEmpty() || body.startsWith("#")) {
                return "";
            }
            int end = 0;
            while (end < body.length() && !Character.isWhitespace(body.charAt(end)) && body.charAt(end) != '='
                    && body.charAt(end) != '"') {
                end++;
            }
            return body.substring(0, end);
        }

        boolean is(String keyword) {
            return keyword().equalsIgnoreCase(keyword);
        }

        /** A Host or Match line: the start of a block. */
        boolean opensBlock() {
            return is("host") || is("match");
        }
    }

    private final List<Line> lines;

    private ConfigDocument(List<Line> lines) {
        this.lines = List.copyOf(lines);
    }

    static ConfigDocument parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<Line> lines = new ArrayList<>();
        int begin = 0;
        while (begin < text.length()) {
            int newline = text.indexOf('\n', begin);
            if (newline < 0) {
                lines.add(new Line(text.substring(begin), ""));
                break;
            }
            boolean crlf = newline > begin && text.charAt(newline - 1) == '\r';
            lines.add(new Line(text.substring(begin, crlf ? newline - 1 : newline), crlf ? "\r\n" : "\n"));
            begin = newline + 1;
        }
        return new ConfigDocument(lines);
    }

    static ConfigDocument of(List<Line> lines) {
        return new ConfigDocument(lines);
    }

    List<Line> lines() {
        return lines;
    }

    int size() {
        return lines.size();
    }

    Line line(int index) {
        return lines.get(index);
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Line line : lines) {
            out.writeBytes((line.text() + line.ending()).getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** The arguments of the line as ssh splits them (for Host and Include lines); empty when it has none. */
    static List<String> arguments(Line line) {
        byte[] bytes = line.text().getBytes(StandardCharsets.UTF_8);
        ConfigLine parsed = new ConfigLineParser("").parse(bytes, 0, bytes.length);
        if (parsed instanceof ConfigLine.Directive directive) {
            return directive.arguments();
        }
        return List.of();
    }

    /** The line ending new lines get: the file's first one, {@code \n} when it has none. */
    String ending() {
        for (Line line : lines) {
            if (!line.ending().isEmpty()) {
                return line.ending();
            }
        }
        return "\n";
    }

    /**
     * The indentation of options in blocks: the first option line after a Host or Match line
     * sets it (a tab, four spaces, nothing); four spaces when no block has an option yet.
     */
    String optionIndentation() {
        boolean inBlock = false;
        for (Line line : lines) {
            if (line.opensBlock()) {
                inBlock = true;
            } else if (inBlock && !line.keyword().isEmpty()) {
                return line.indentation();
            }
        }
        return "    ";
    }
}
