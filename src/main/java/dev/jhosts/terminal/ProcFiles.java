package dev.jhosts.terminal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What Linux's {@code /proc} says of another process of this user: where its standard streams
 * lead ({@code /proc/PID/fd/N}, which a process of the same user may also open), and its state
 * ({@code /proc/PID/stat}). Anything unreadable (no {@code /proc}, a process gone meanwhile)
 * reads as absent.
 */
public final class ProcFiles {
    private ProcFiles() {}

    /** {@code /proc/PID/fd/FD}: the process' descriptor, to be read or opened anew. */
    public static Path descriptor(long pid, int fd) {
        return Path.of("/proc", Long.toString(pid), "fd", Integer.toString(fd));
    }

    /** What the descriptor leads to ({@code /dev/pts/3}, {@code pipe:[123]}, a file's path). */
    public static Optional<String> target(long pid, int fd) {
        if (pid <= 0) {
            return Optional.empty();
        }
        return link(descriptor(pid, fd));
    }

    /**
     * As {@link #target}, for this process ({@code /proc/self}): without asking for its pid,
     * whose first asking starts the JDK's process reaper.
     */
    public static Optional<String> ownTarget(int fd) {
        return link(Path.of("/proc/self/fd/" + fd));
    }

    /**
     * This process' pid, as {@code /proc/self} names it: without {@code ProcessHandle.current()},
     * whose first use starts the JDK's process reaper.
     */
    public static Optional<Long> ownPid() {
        try {
            return link(Path.of("/proc/self")).map(Long::parseLong);
        } catch (NumberFormatException unexpected) {
            return Optional.empty();
        }
    }

    /** A process' environment ({@code /proc/PID/environ}: as it was when it started); empty when unreadable. */
    public static Map<String, String> environment(long pid) {
        Map<String, String> variables = new HashMap<>();
        if (pid <= 0) {
            return variables;
        }
        try {
            byte[] bytes = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
            int start = 0;
            for (int i = 0; i <= bytes.length; i++) {
                if (i == bytes.length || bytes[i] == 0) {
                    String entry = new String(bytes, start, i - start, StandardCharsets.UTF_8);
                    int equals = entry.indexOf('=');
                    if (equals > 0) {
                        variables.putIfAbsent(entry.substring(0, equals), entry.substring(equals + 1));
                    }
                    start = i + 1;
                }
            }
            return variables;
        } catch (IOException | RuntimeException unreadable) {
            return new HashMap<>();
        }
    }

    /** The uid a process runs as (the owner of {@code /proc/PID}); empty when it cannot be read. */
    public static OptionalLong owner(long pid) {
        if (pid <= 0) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(((Number) Files.getAttribute(Path.of("/proc", Long.toString(pid)), "unix:uid")).longValue());
        } catch (IOException | RuntimeException unreadable) {
            return OptionalLong.empty();
        }
    }

    /** A process' working directory ({@code /proc/PID/cwd}). */
    public static Optional<Path> directory(long pid) {
        if (pid <= 0) {
            return Optional.empty();
        }
        return link(Path.of("/proc", Long.toString(pid), "cwd")).map(Path::of);
    }

    private static Optional<String> link(Path path) {
        try {
            return Optional.of(Files.readSymbolicLink(path).toString());
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * The number of the one descriptor of this process that leads to {@code target} (a terminal
     * device's path, as {@link #target} gives it); empty when none does, or more than one.
     */
    public static OptionalInt onlyOwnDescriptorTo(String target) {
        int found = -1;
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path descriptor : descriptors) {
                Optional<String> leadsTo = link(descriptor);
                if (leadsTo.isPresent() && leadsTo.get().equals(target)) {
                    if (found >= 0) {
                        return OptionalInt.empty();
                    }
                    found = Integer.parseInt(descriptor.getFileName().toString());
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return OptionalInt.empty();
        }
        return found >= 0 ? OptionalInt.of(found) : OptionalInt.empty();
    }

    /** Whether a descriptor's {@link #target} names a terminal device. */
    public static boolean namesTerminal(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    }

    /**
     * A process' state line, from {@code /proc/PID/stat}.
     *
     * @param state one letter ({@code R}, {@code S}, {@code Z} for one that ended and waits to be reaped...)
     * @param parent its parent's pid
     * @param waitStatus how it ended, as waitpid(2) gives it (proc(5)'s exit_code, Linux 3.5 and
     *     later); -1 while it runs, or where the kernel does not say
     * @param startTime when it started, in clock ticks after the boot: with the pid, a process
     *     that no reuse of its pid can pass for
     */
    public record Stat(char state, long parent, int waitStatus, long startTime) {
        public boolean zombie() {
            return state == 'Z';
        }

        /** Stopped (Ctrl-Z, SIGSTOP) or held by a tracer. */
        public boolean stopped() {
            return state == 'T' || state == 't';
        }

        /** A zombie's exit status as a shell gives it (128 + the signal for one that was killed); empty when unknown. */
        public Optional<Integer> exitStatus() {
            if (!zombie() || waitStatus < 0) {
                return Optional.empty();
            }
            return Optional.of((waitStatus & 0x7f) == 0 ? (waitStatus >> 8) & 0xff : 128 + (waitStatus & 0x7f));
        }
    }

    /** Fields after the command's name, which ends with the last ')' (the name may hold anything). */
    private static final int STATE = 0;
    private static final int PARENT = 1;
    private static final int START_TIME = 19;
    private static final int EXIT_CODE = 49;

    public static Optional<Stat> stat(long pid) {
        if (pid <= 0) {
            return Optional.empty();
        }
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            int nameEnd = line.lastIndexOf(')');
            if (nameEnd < 0) {
                return Optional.empty();
            }
            String[] fields = line.substring(nameEnd + 1).strip().split(" ");
            if (fields.length <= START_TIME || fields[STATE].length() != 1) {
                return Optional.empty();
            }
            int waitStatus = fields.length > EXIT_CODE && fields[STATE].equals("Z") ? Integer.parseInt(fields[EXIT_CODE]) : -1;
            return Optional.of(new Stat(fields[STATE].charAt(0), Long.parseLong(fields[PARENT]), waitStatus,
                    Long.parseLong(fields[START_TIME])));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
