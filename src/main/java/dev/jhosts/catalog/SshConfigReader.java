package dev.jhosts.catalog;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads ssh_config files the way OpenSSH 9.x's readconf.c walks them, keeping what a host list
 * needs: Host and Match blocks (Match criteria read by {@link MatchLine}), Include (nested,
 * globbed, conditional), and the options HostName, User, Port, ProxyJump, ProxyCommand, Tag
 * and the canonicalisation ones, plus jhosts' {@link NotesComment}s. Where ssh would stop with
 * an error, this gives a warning and goes on.
 *
 * <p>The work is bounded by construction: a top-level file is parsed as it is read, an
 * Included file is parsed once however often it is included; after ssh's refusal of deep or
 * cyclic Includes only unread files are read; and all reading together stops at
 * {@link #MAX_TOTAL_BYTES}.
 */
final class SshConfigReader {
    /** OpenSSH's READCONF_MAX_DEPTH: the top file is depth 0. */
    static final int MAX_DEPTH = 16;
    /** A larger file is not read: ssh has no limit, but a stray Include of a huge file should stay harmless. */
    static final long MAX_FILE_BYTES = 64L << 20;
    /**
     * All the reading of one load, a file counted each time it is Included: Includes that
     * fan out (a glob of files that Include the same glob) stop here rather than take hours.
     */
    static final long MAX_TOTAL_BYTES = 256L << 20;

    /** One top-level file to read. */
    record Source(Path file, boolean userConfig, boolean mustExist, boolean checkPermissions) {}

    /** A line that changes the list, with its number; ordinary comments, blanks and other options are dropped. */
    private record NumberedLine(int number, ConfigLine line) {}

    /** An Included file, parsed once however often it is Included; empty lines when it cannot be read. */
    private record ParsedFile(List<NumberedLine> lines, long size) {}

    private final IncludePaths includePaths;
    private final PortNumbers ports;
    private final ProxyJumpSpec proxyJumps;
    private final Warnings warnings;
    private final String localUser;
    private final ConfigLineParser parser = new ConfigLineParser(NotesComment.MARKER);
    private final List<Section> sections = new ArrayList<>();
    private final List<HostDeclaration> declarations = new ArrayList<>();
    private final Deque<Path> reading = new ArrayDeque<>();
    private final Map<Path, Optional<ParsedFile>> includedFiles = new HashMap<>();
    private final Map<String, IncludePaths.Expansion> expansions = new HashMap<>();
    private final Map<Path, Path> identities = new HashMap<>();
    private final Set<Path> readOnce = new HashSet<>();
    private boolean finalPassRequested;
    /** ssh would have stopped with "Too many recursive configuration includes". */
    private boolean recursionRefused;
    private boolean budgetSpent;
    private long bytesRead;

    SshConfigReader(IncludePaths includePaths, PortNumbers ports, Warnings warnings, String localUser) {
        this.includePaths = includePaths;
        this.ports = ports;
        this.proxyJumps = new ProxyJumpSpec(ports);
        this.warnings = warnings;
        this.localUser = localUser;
    }

    ParsedSshConfig read(List<Source> sources) {
        for (Source source : sources) {
            if (!Files.exists(source.file())) {
                if (source.mustExist()) {
                    warnings.about(source.file(), "cannot read the ssh config: no such file");
                }
                continue;
            }
            if (Files.isDirectory(source.file())) {
                // ssh reads a directory as an empty file, without a word.
                warnings.about(source.file(), "a directory, not an ssh config file: ssh reads it as empty, so it defines no host");
                continue;
            }
            Section start = newSection(List.of(), new Condition.Always(), false, source.file(), 0);
            readTopFile(source, start);
        }
        return new ParsedSshConfig(sections, declarations, finalPassRequested);
    }

    /** A top-level file is read as it is parsed, line by line; it is never re-read (that would be a cycle). */
    private void readTopFile(Source source, Section start) {
        Path file = source.file();
        Optional<byte[]> content = content(file, source.checkPermissions(), false);
        if (content.isEmpty() || !spend(file, content.get().length)) {
            return;
        }
        Path identity = identity(file);
        readOnce.add(identity);
        reading.push(identity);
        try {
            FileState state = new FileState(file, source, 0, List.of(), start);
            byte[] bytes = content.get();
            int lineNumber = 0;
            int begin = 0;
            while (begin < bytes.length) {
                int end = begin;
                while (end < bytes.length && bytes[end] != '\n') {
                    end++;
                }
                lineNumber++;
                state.line(parser.parse(bytes, begin, end), lineNumber);
                begin = end + 1;
            }
        } finally {
            reading.pop();
        }
    }

    /** Reads an Included file, parsed once: its first lines continue {@code enclosing}; files it includes see {@code guard}. */
    private void readIncluded(Path file, Path identity, Source source, int depth, List<Condition> guard, Section enclosing) {
        Optional<ParsedFile> parsed = includedFiles.computeIfAbsent(identity, id -> parse(file));
        if (parsed.isEmpty() || !spend(file, parsed.get().size())) {
            return;
        }
        readOnce.add(identity);
        reading.push(identity);
        try {
            FileState state = new FileState(file, source, depth, guard, enclosing);
            for (NumberedLine line : parsed.get().lines()) {
                state.line(line.line(), line.number());
            }
        } finally {
            reading.pop();
        }
    }

    private Optional<ParsedFile> parse(Path file) {
        Optional<byte[]> content = content(file, true, true);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = content.get();
        List<NumberedLine> lines = new ArrayList<>();
        int lineNumber = 0;
        int begin = 0;
        while (begin < bytes.length) {
            int end = begin;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            lineNumber++;
            ConfigLine line = parser.parse(bytes, begin, end);
            if (matters(line)) {
                lines.add(new NumberedLine(lineNumber, line));
            }
            begin = end + 1;
        }
        return Optional.of(new ParsedFile(List.copyOf(lines), bytes.length));
    }

    private static boolean matters(ConfigLine line) {
        if (line instanceof ConfigLine.Directive directive) {
            return directive.keyword() != Keyword.OTHER;
        }
        if (line instanceof ConfigLine.Comment comment) {
            return !comment.text().isEmpty();
        }
        return line instanceof ConfigLine.Malformed;
    }

    /** Counts a reading against {@link #MAX_TOTAL_BYTES}; false (and one warning) once it is spent. */
    private boolean spend(Path file, long size) {
        if (budgetSpent) {
            return false;
        }
        if (bytesRead + size > MAX_TOTAL_BYTES) {
            budgetSpent = true;
            warnings.about(file, "not read: the ssh config and its Includes, each counted every time it is"
                    + " included, exceed " + (MAX_TOTAL_BYTES >> 20) + " MiB; the rest is not read");
            return false;
        }
        bytesRead += size;
        return true;
    }

    /** {@code included}: ssh reads a directory matched by an Include glob as an empty file, silently. */
    private Optional<byte[]> content(Path file, boolean checkPermissions, boolean included) {
        if (!Files.isRegularFile(file)) {
            if (!Files.isDirectory(file) || !included) {
                warnings.about(file, "not a regular file; not read");
            }
            return Optional.empty();
        }
        if (checkPermissions) {
            checkPermissions(file);
        }
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                warnings.about(file, "larger than " + (MAX_FILE_BYTES >> 20) + " MiB; not read");
                return Optional.empty();
            }
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException | SecurityException e) {
            warnings.about(file, "cannot read the ssh config: " + reason(e));
            return Optional.empty();
        }
    }

    /** ssh refuses ("Bad owner or permissions") a file others can write or another user owns. */
    private void checkPermissions(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            String owner = Files.getOwner(file).getName();
            if (permissions.contains(PosixFilePermission.GROUP_WRITE)
                    || permissions.contains(PosixFilePermission.OTHERS_WRITE)
                    || !(owner.equals("root") || owner.equals(localUser))) {
                warnings.about(file, "bad owner or permissions: ssh refuses to use this file");
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // Nothing to check on this file system.
        }
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private Path identity(Path file) {
        return identities.computeIfAbsent(file, f -> {
            try {
                return f.toRealPath();
            } catch (IOException | SecurityException e) {
                return f.toAbsolutePath().normalize();
            }
        });
    }

    private Section newSection(List<Condition> guard, Condition own, boolean opensBlock, Path file, int line) {
        Section section = new Section(sections.size(), guard, own, opensBlock, file, line);
        sections.add(section);
        return section;
    }

    private IncludePaths.Expansion expand(String argument, boolean userConfig) {
        return expansions.computeIfAbsent((userConfig ? "user " : "system ") + argument,
                key -> includePaths.expand(argument, userConfig));
    }

    /**
     * ssh stops at the first Include nested more than {@link #MAX_DEPTH} deep, which a cycle
     * always reaches; jhosts says so once and goes on, reading after that only files it has not
     * read yet, so that the host list stays whole and the work bounded.
     */
    private void refuseRecursion(Path file, int line, String what) {
        if (!recursionRefused) {
            warnings.at(file, line, what + "; ssh refuses this config (Too many recursive configuration includes)");
        }
        recursionRefused = true;
    }

    /** The reading of one file: the section its lines go to, block by block. */
    private final class FileState {
        private final Path file;
        private final Source source;
        private final int depth;
        private final List<Condition> guard;
        private Section current;

        FileState(Path file, Source source, int depth, List<Condition> guard, Section enclosing) {
            this.file = file;
            this.source = source;
            this.depth = depth;
            this.guard = guard;
            this.current = depth == 0
                    ? enclosing
                    : newSection(enclosing.guard(), enclosing.own(), false, file, 0);
        }

        void line(ConfigLine line, int number) {
            if (line instanceof ConfigLine.Directive directive) {
                directive(directive, number);
            } else if (line instanceof ConfigLine.Comment comment) {
                notes(comment.text(), number);
            } else if (line instanceof ConfigLine.Malformed malformed) {
                warnings.at(file, number, malformed.problem());
                if (malformed.keyword().equals("host") || malformed.keyword().equals("match")) {
                    // ssh stops at this line; what follows is attributed to no host rather than
                    // to the block before it.
                    current = newSection(guard, new Condition.Unreadable(), true, file, number);
                }
            }
        }

        private void directive(ConfigLine.Directive directive, int number) {
            List<String> arguments = directive.arguments();
            switch (directive.keyword()) {
                case HOST -> host(arguments, directive.comment(), number);
                case MATCH -> current = newSection(guard, match(directive.rest(), number), true, file, number);
                case INCLUDE -> include(arguments, number);
                case HOSTNAME -> firstArgument(directive, number).ifPresent(v -> current.offerHostName(v, number));
                case USER -> firstArgument(directive, number).ifPresent(v -> current.offer(Field.USER, v));
                case TAG -> firstArgument(directive, number).ifPresent(v -> current.offer(Field.TAG, v));
                case PORT -> firstArgument(directive, number).ifPresent(v -> port(v, number));
                case PROXYCOMMAND -> current.offer(Field.PROXY, new ProxySetting.Command());
                case PROXYJUMP -> proxyJump(directive.rest(), number);
                case CANONICALIZEHOSTNAME -> firstArgument(directive, number)
                        .ifPresent(v -> current.offer(Field.CANONICALIZE_HOSTNAME, v.toLowerCase(Locale.ROOT)));
                case CANONICALIZEMAXDOTS -> firstArgument(directive, number).ifPresent(v -> {
                    try {
                        current.offer(Field.CANONICALIZE_MAX_DOTS, Integer.parseInt(v));
                    } catch (NumberFormatException e) {
                        warnings.at(file, number, "Invalid number '" + v + "' for CanonicalizeMaxDots");
                    }
                });
                case CANONICALDOMAINS -> {
                    if (!arguments.isEmpty() && !arguments.get(0).isEmpty()) {
                        current.offer(Field.CANONICAL_DOMAINS, String.join(" ", arguments));
                    }
                }
                case OTHER -> {
                    // Other options do not change the list.
                }
            }
        }

        private void host(List<String> arguments, String comment, int number) {
            List<HostPattern> patterns = new ArrayList<>(arguments.size());
            for (String argument : arguments) {
                if (argument.isEmpty()) {
                    warnings.at(file, number, "keyword host empty argument");
                    continue;
                }
                patterns.add(HostPattern.of(argument));
            }
            current = newSection(guard, new Condition.HostLine(patterns), true, file, number);
            for (HostPattern pattern : patterns) {
                if (!pattern.negated() && pattern.isPlain()) {
                    declarations.add(new HostDeclaration(pattern.text(), file, number, current));
                }
            }
            if (!comment.isEmpty()) {
                notes(comment, number);
            }
        }

        private Condition match(String rest, int number) {
            MatchLine.Parsed parsed = MatchLine.parse(rest);
            finalPassRequested |= parsed.requestsFinalPass();
            if (parsed instanceof MatchLine.Parsed.Refused refused) {
                warnings.at(file, number, refused.problem() + "; ssh refuses this config (Bad Match condition)");
                return new Condition.Unreadable();
            }
            return new Condition.Match(((MatchLine.Parsed.Criteria) parsed).criteria(), file, number);
        }

        private void include(List<String> arguments, int number) {
            List<Condition> included = new ArrayList<>(current.guard());
            if (!(current.own() instanceof Condition.Always)) {
                included.add(current.own());
            }
            included = List.copyOf(included);
            for (String argument : arguments) {
                IncludePaths.Expansion expansion = expand(argument, source.userConfig());
                if (expansion instanceof IncludePaths.Expansion.Refused refused) {
                    warnings.at(file, number, refused.problem());
                } else if (expansion instanceof IncludePaths.Expansion.Nothing nothing) {
                    if (!nothing.wildcard()) {
                        warnings.at(file, number, "Include target not found: " + argument);
                    } else if (nothing.directoryMissing() && source.userConfig()) {
                        // Not for the system config: a user cannot fix it, and ssh says nothing.
                        warnings.at(file, number, "Include directory not found: " + argument);
                    }
                } else if (expansion instanceof IncludePaths.Expansion.Files files) {
                    for (Path target : files.files()) {
                        includeFile(target, number, included);
                    }
                }
            }
        }

        private void includeFile(Path target, int number, List<Condition> included) {
            if (depth + 1 > MAX_DEPTH) {
                refuseRecursion(file, number, "Include nested more than " + MAX_DEPTH + " deep");
                return;
            }
            Path identity = identity(target);
            if (reading.contains(identity)) {
                refuseRecursion(file, number, "Include cycle: " + warnings.display(target) + " is already being read");
                return;
            }
            if (recursionRefused && readOnce.contains(identity)) {
                return;
            }
            Section enclosing = current;
            readIncluded(target, identity, source, depth + 1, included, enclosing);
            // As in ssh, the block the Include stands in goes on after it.
            current = newSection(enclosing.guard(), enclosing.own(), false, file, number);
        }

        private Optional<String> firstArgument(ConfigLine.Directive directive, int number) {
            List<String> arguments = directive.arguments();
            if (arguments.isEmpty() || arguments.get(0).isEmpty()) {
                warnings.at(file, number, "missing argument to " + directive.keyword().text());
                return Optional.empty();
            }
            if (arguments.size() > 1) {
                warnings.at(file, number, "keyword " + directive.keyword().text() + " extra arguments at end of line");
            }
            return Optional.of(arguments.get(0));
        }

        private void port(String argument, int number) {
            OptionalInt port = ports.parse(argument);
            if (port.isEmpty()) {
                warnings.at(file, number, "Bad port '" + argument + "'");
                return;
            }
            current.offer(Field.PORT, port.getAsInt());
        }

        private void proxyJump(String rest, int number) {
            Optional<String> printed = proxyJumps.printed(rest);
            if (printed.isEmpty()) {
                warnings.at(file, number, "Invalid ProxyJump \"" + rest + "\"");
                return;
            }
            current.offer(Field.PROXY, new ProxySetting.Jump(printed.get()));
        }

        private void notes(String text, int number) {
            NotesComment.Outcome outcome = NotesComment.read(text);
            if (!(outcome instanceof NotesComment.Outcome.Notes notes)) {
                return;
            }
            for (String problem : notes.problems()) {
                warnings.at(file, number, problem);
            }
            if (!(current.own() instanceof Condition.HostLine)) {
                warnings.at(file, number, "jhosts notes outside a Host block are ignored");
                return;
            }
            current.addNotes(notes.notes());
        }
    }
}
