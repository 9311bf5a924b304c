package dev.jhosts.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The valid lines of one known_hosts file, read as OpenSSH's hostfile.c hostkeys_foreach_file
 * reads them: blank lines and {@code #} comments skipped; at most one marker
 * ({@code @cert-authority} or {@code @revoked}), any other marker making the line invalid; the host
 * field; then the key as {@code type base64 [comment]}, whose blob must be of the type written.
 * Invalid lines are skipped (ssh only logs them) and counted.
 *
 * @param entries the valid lines, in file order
 * @param invalidLines how many lines were skipped as invalid
 */
record KnownHostsFile(Path path, List<KnownHostsEntry> entries, int invalidLines) {
    private static final String CA_MARKER = "@cert-authority";
    private static final String REVOKE_MARKER = "@revoked";

    KnownHostsFile {
        entries = List.copyOf(entries);
    }

    /** Reads {@code path}; a missing file is an empty one, as for ssh. */
    static KnownHostsFile read(Path path) throws IOException {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            return new KnownHostsFile(path, List.of(), 0);
        }
        return parse(path, text);
    }

    static KnownHostsFile parse(Path path, String text) {
        List<KnownHostsEntry> entries = new ArrayList<>();
        int invalid = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Line parsed = parseLine(path, i + 1, lines[i]);
            if (parsed instanceof Line.Valid valid) {
                entries.add(valid.entry());
            } else if (parsed instanceof Line.Invalid) {
                invalid++;
            }
        }
        return new KnownHostsFile(path, entries, invalid);
    }

    /** What a line is. */
    private sealed interface Line {
        record Blank() implements Line {}

        record Invalid() implements Line {}

        record Valid(KnownHostsEntry entry) implements Line {}
    }

    private static Line parseLine(Path path, int number, String line) {
        Fields fields = new Fields(line);
        if (fields.atEnd() || fields.peek() == '#') {
            return new Line.Blank();
        }
        KnownHostsEntry.Marker marker = KnownHostsEntry.Marker.NONE;
        while (!fields.atEnd() && fields.peek() == '@') {
            if (marker != KnownHostsEntry.Marker.NONE) {
                return new Line.Invalid(); // only one marker is allowed
            }
            String word = fields.next();
            if (word.equals(CA_MARKER)) {
                marker = KnownHostsEntry.Marker.CERT_AUTHORITY;
            } else if (word.equals(REVOKE_MARKER)) {
                marker = KnownHostsEntry.Marker.REVOKED;
            } else {
                return new Line.Invalid();
            }
        }
        String hosts = fields.next();
        String type = fields.next();
        String base64 = fields.next();
        if (hosts.isEmpty() || type.isEmpty() || type.startsWith("#") || base64.isEmpty()) {
            return new Line.Invalid();
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new Line.Invalid();
        }
        if (!KeyFingerprint.typeOf(blob).map(type::equals).orElse(false)) {
            return new Line.Invalid();
        }
        return new Line.Valid(new KnownHostsEntry(marker, hosts, blob, path, number));
    }

    /** Words separated by spaces and tabs (a trailing CR counts as space, as base64 decoding skips it). */
    private static final class Fields {
        private final String line;
        private int at;

        Fields(String line) {
            this.line = line;
            skipSpace();
        }

        boolean atEnd() {
            return at >= line.length();
        }

        char peek() {
            return line.charAt(at);
        }

        String next() {
            int start = at;
            while (at < line.length() && !isSpace(line.charAt(at))) {
                at++;
            }
            String word = line.substring(start, at);
            skipSpace();
            return word;
        }

        private void skipSpace() {
            while (at < line.length() && isSpace(line.charAt(at))) {
                at++;
            }
        }

        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\r';
        }
    }
}
