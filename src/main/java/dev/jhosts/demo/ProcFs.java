package dev.jhosts.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the demo reads from Linux's {@code /proc}: who owns the other end of a loopback TCP
 * connection ({@code /proc/net/tcp}), whether this process holds a socket, a process' owner,
 * session, command line and environment. Anything unreadable (another user's process, one that
 * exited meanwhile) reads as absent.
 */
final class ProcFs {
    private static final Path PROC = Path.of("/proc");
    private static final Path TCP = PROC.resolve("net/tcp");
    private static final Path TCP6 = PROC.resolve("net/tcp6");

    private ProcFs() {}

    /** Whether this machine has the {@code /proc} the demo relies on. */
    static boolean available() {
        return Files.isReadable(TCP) && Files.isDirectory(PROC.resolve("self/fd"));
    }

    /**
     * The client end of a loopback connection: the socket bound to {@code client} and connected
     * to {@code server}, as {@code /proc/net/tcp} lists it.
     *
     * @param uid the user that owns the socket
     * @param inode the socket's inode ({@code socket:[inode]} in its holder's {@code fd/})
     */
    record TcpEnd(int uid, long inode) {}

    /**
     * Looks up the socket at {@code client} connected to {@code server}. Lines of {@code
     * /proc/net/tcp} read {@code sl local rem st queues tr retrnsmt uid timeout inode ...}, with
     * addresses as hex {@code ADDR:PORT}, each 32-bit word of the address in the kernel's byte
     * order. An IPv4 connection may be listed there or, made by a dual-stack socket (as Java's
     * are), in {@code /proc/net/tcp6} with IPv4-mapped addresses.
     */
    static Optional<TcpEnd> tcpEnd(InetSocketAddress client, InetSocketAddress server) {
        Optional<TcpEnd> found = find(TCP, hexAddress(client, false), hexAddress(server, false));
        return found.isPresent() ? found : find(TCP6, hexAddress(client, true), hexAddress(server, true));
    }

    private static Optional<TcpEnd> find(Path table, String local, String remote) {
        if (local.isEmpty() || remote.isEmpty()) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(table, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return Optional.empty();
        }
        for (String line : lines) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length > 9 && fields[1].equalsIgnoreCase(local) && fields[2].equalsIgnoreCase(remote)) {
                try {
                    return Optional.of(new TcpEnd(Integer.parseInt(fields[7]), Long.parseLong(fields[9])));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** {@code ADDR:PORT} as the tables print it; {@code mapped} gives an IPv4 address as {@code ::ffff:a.b.c.d}. */
    private static String hexAddress(InetSocketAddress address, boolean mapped) {
        byte[] bytes = address.getAddress().getAddress();
        if (mapped && bytes.length == 4) {
            byte[] v6 = new byte[16];
            v6[10] = (byte) 0xff;
            v6[11] = (byte) 0xff;
            System.arraycopy(bytes, 0, v6, 12, 4);
            bytes = v6;
        } else if (mapped != (bytes.length == 16)) {
            return "";
        }
        StringBuilder hex = new StringBuilder();
        for (int word = 0; word < bytes.length; word += 4) {
            int value = ((bytes[word] & 0xff) << 24) | ((bytes[word + 1] & 0xff) << 16)
                    | ((bytes[word + 2] & 0xff) << 8) | (bytes[word + 3] & 0xff);
            int kernel = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? Integer.reverseBytes(value) : value;
            hex.append(String.format("%08X", kernel));
        }
        return hex.append(String.format(":%04X", address.getPort())).toString();
    }

    /** Whether this process holds the socket with {@code inode} (one of its own connections). */
    static boolean selfHoldsSocket(long inode) {
        String link = "socket:[" + inode + "]";
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(PROC.resolve("self/fd"))) {
            for (Path fd : fds) {
                try {
                    if (Files.readSymbolicLink(fd).toString().equals(link)) {
                        return true;
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor went away while we looked
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /** Whether this process' file descriptor {@code fd} is a terminal (a pseudo-terminal or a console). */
    static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(PROC.resolve("self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** The uid that owns this process (the owner of {@code /proc/self}). */
    static int currentUid() throws IOException {
        return (Integer) Files.getAttribute(PROC.resolve("self"), "unix:uid");
    }

    /** Every pid in {@code /proc}. */
    static List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                    pids.add(Long.parseLong(name));
                }
            }
        } catch (IOException e) {
            // nothing to list
        }
        return pids;
    }

    /** The uid owning {@code pid}. */
    static OptionalLong uid(long pid) {
        try {
            return OptionalLong.of((Integer) Files.getAttribute(PROC.resolve(Long.toString(pid)), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The session id of {@code pid}: the sixth field of {@code /proc/PID/stat}, counted after the
     * command name in parentheses (which may itself hold spaces and parentheses).
     */
    static OptionalLong session(long pid) {
        Optional<String[]> fields = statFields(pid);
        if (fields.isEmpty() || fields.get().length < 4) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(fields.get()[3]));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The process state letter ({@code R}, {@code S}, {@code T} when stopped, {@code Z}...). */
    static Optional<String> state(long pid) {
        return statFields(pid).filter(fields -> fields.length > 0).map(fields -> fields[0]);
    }

    /** The fields of {@code /proc/PID/stat} after the command name: state, ppid, pgrp, session, ... */
    private static Optional<String[]> statFields(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(pid + "/stat"), StandardCharsets.UTF_8);
            int close = stat.lastIndexOf(')');
            if (close < 0) {
                return Optional.empty();
            }
            return Optional.of(stat.substring(close + 1).trim().split("\\s+"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The command line's words joined by spaces, or empty when it cannot be read. */
    static String commandLine(long pid) {
        return nulSeparated(PROC.resolve(pid + "/cmdline"), ' ');
    }

    /** The environment's {@code NAME=value} entries joined by newlines, or empty when it cannot be read. */
    static String environment(long pid) {
        return nulSeparated(PROC.resolve(pid + "/environ"), '\n');
    }

    private static String nulSeparated(Path file, char separator) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace('\0', separator);
        } catch (IOException e) {
            return "";
        }
    }
}
