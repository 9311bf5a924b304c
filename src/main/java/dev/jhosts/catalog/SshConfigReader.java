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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads ssh_config files the way OpenSSH 9.x's readconf.c walks them, keeping what a host list
 * needs: Host and Match blocks, Include (nested, globbed, conditional), and the options
 * HostName, User, Port, ProxyJump, ProxyCommand and Tag, plus jhosts' {@link NotesComment}s.
 * Where ssh would stop with an error, this gives a warning and goes on.
 */
final class SshConfigReader {
    /** OpenSSH's READCONF_MAX_DEPTH: the top file is depth 0. */
    static final int MAX_DEPTH = 16;
    /** A larger file is not read: ssh has no limit, but a stray Include of a huge file should stay harmless. */
    static final long MAX_FILE_BYTES = 64L << 20;

    /** One top-level file to read. */
    record Source(Path file, boolean userConfig, boolean mustExist, boolean checkPermissions) {}

    private final IncludePaths includePaths;
    private final PortNumbers ports;
    private final ProxyJumpSpec proxyJumps;
    private final Warnings warnings;
    private final String localUser;
    private final ConfigLineParser parser = new ConfigLineParser(NotesComment.MARKER);
    private final List<Section> sections = new ArrayList<>();
    private final List<HostDeclaration> declarations = new ArrayList<>();
    private final Deque<Path> reading = new ArrayDeque<>();
    private boolean finalPassRequested;

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
            Section start = newSection(List.of(), new Condition.Always(), source.file(), 0);
            readFile(source.file(), source, 0, List.of(), start);
        }
        return new ParsedSshConfig(sections, declarations, finalPassRequested);
    }

    /** Reads one file whose first lines continue {@code enclosing}; files it includes see {@code guard}. */
    private void readFile(Path file, Source source, int depth, List<Condition> guard, Section enclosing) {
        Optional<byte[]> content = content(file, source, depth);
        if (content.isEmpty()) {
            return;
        }
        reading.push(identity(file));
        try {
            FileState state = new FileState(file, source, depth, guard, enclosing);
            byte[] bytes = content.get();
            int lineNumber = 0;
            int start = 0;
            while (start < bytes.length) {
                int end = start;
                while (end < bytes.length && bytes[end] != '\n') {
                    end++;
                }
                lineNumber++;
                state.line(parser.parse(bytes, start, end), lineNumber);
                start = end + 1;
            }
        } finally {
            reading.pop();
        }
    }

    private Optional<byte[]> content(Path file, Source source, int depth) {
        if (!Files.isRegularFile(file)) {
            // ssh reads a directory as an empty file.
            if (!Files.isDirectory(file)) {
                warnings.about(file, "not a regular file; not read");
            }
            return Optional.empty();
        }
        if (depth > 0 || source.checkPermissions()) {
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

    private static Path identity(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException | SecurityException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    private Section newSection(List<Condition> guard, Condition own, Path file, int line) {
        Section section = new Section(sections.size(), guard, own, file, line);
        sections.add(section);
        return section;
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
                    : newSection(enclosing.guard(), enclosing.own(), file, 0);
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
                    current = newSection(guard, new Condition.Unreadable(), file, number);
                }
            }
        }

        private void directive(ConfigLine.Directive directive, int number) {
            List<String> arguments = directive.arguments();
            switch (directive.keyword()) {
                case HOST -> host(arguments, directive.comment(), number);
                case MATCH -> current = newSection(guard, match(arguments), file, number);
                case INCLUDE -> include(arguments, number);
                case HOSTNAME -> firstArgument(directive, number).ifPresent(v -> current.offerHostName(v, number));
                case USER -> firstArgument(directive, number).ifPresent(current::offerUser);
                case TAG -> firstArgument(directive, number).ifPresent(current::offerTag);
                case PORT -> firstArgument(directive, number).ifPresent(v -> port(v, number));
                case PROXYCOMMAND -> current.offerProxy(new ProxySetting.Command());
                case PROXYJUMP -> proxyJump(directive.rest(), number);
                case CANONICALIZEHOSTNAME -> firstArgument(directive, number)
                        .ifPresent(v -> current.offerCanonicalizeHostname(v.toLowerCase(Locale.ROOT)));
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
            current = newSection(guard, new Condition.HostLine(patterns), file, number);
            for (HostPattern pattern : patterns) {
                if (!pattern.negated() && pattern.isPlain()) {
                    declarations.add(new HostDeclaration(pattern.text(), file, number, current));
                }
            }
            if (!comment.isEmpty()) {
                notes(comment, number);
            }
        }

        private Condition match(List<String> arguments) {
            if (arguments.size() == 1 && arguments.get(0).equalsIgnoreCase("all")) {
                return new Condition.MatchAll();
            }
            for (String argument : arguments) {
                if (argument.equalsIgnoreCase("canonical") || argument.equalsIgnoreCase("final")) {
                    finalPassRequested = true;
                }
            }
            return new Condition.MatchOther(String.join(" ", arguments));
        }

        private void include(List<String> arguments, int number) {
            List<Condition> included = new ArrayList<>(current.guard());
            if (!(current.own() instanceof Condition.Always)) {
                included.add(current.own());
            }
            for (String argument : arguments) {
                IncludePaths.Expansion expansion = includePaths.expand(argument, source.userConfig());
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
                warnings.at(file, number, "Include nested more than " + MAX_DEPTH
                        + " deep; ssh refuses this config (Too many recursive configuration includes)");
                return;
            }
            if (reading.contains(identity(target))) {
                warnings.at(file, number, "Include cycle: " + warnings.display(target)
                        + " is already being read; ssh refuses this config (Too many recursive configuration includes)");
                return;
            }
            Section enclosing = current;
            readFile(target, source, depth + 1, included, enclosing);
            // As in ssh, the block the Include stands in goes on after it.
            current = newSection(enclosing.guard(), enclosing.own(), file, number);
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
            current.offerPort(port.getAsInt());
        }

        private void proxyJump(String rest, int number) {
            Optional<String> printed = proxyJumps.printed(rest);
            if (printed.isEmpty()) {
                warnings.at(file, number, "Invalid ProxyJump \"" + rest + "\"");
                return;
            }
            current.offerProxy(new ProxySetting.Jump(printed.get()));
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
