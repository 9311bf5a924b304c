package dev.jhosts.master;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Finds the process that listens on a Unix socket path, through Linux's {@code /proc}: the
 * socket's inode from {@code /proc/net/unix}, then the process holding {@code socket:[inode]}.
 * This names a master that no longer answers MUX_C_ALIVE_CHECK, and one jhosts did not start.
 * (Peer credentials would name the process that called listen(), which for a ControlPersist
 * master is the launcher that has since exited.)
 */
public final class ListenerPids {
    private static final Path PROC = Path.of("/proc");

    private ListenerPids() {}

    public static OptionalLong find(Path socket) {
        Set<String> inodes = listeningInodes(socket.toString());
        if (inodes.isEmpty()) {
            return OptionalLong.empty();
        }
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, ListenerPids::isPidDirectory)) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                if (pid != self && holdsAny(process.resolve("fd"), inodes)) {
                    return OptionalLong.of(pid);
                }
            }
        } catch (IOException ignored) {
            // no /proc: nothing to find
        }
        return OptionalLong.empty();
    }

    /** Whether process {@code pid} holds the socket listening at {@code socket}. */
    public static boolean holds(long pid, Path socket) {
        Set<String> inodes = listeningInodes(socket.toString());
        return !inodes.isEmpty() && holdsAny(PROC.resolve(Long.toString(pid)).resolve("fd"), inodes);
    }

    /**
     * Inodes of listening sockets bound to {@code path} (columns: Num RefCount Protocol Flags Type
     * St Inode Path). A master binds a temporary name, {@code path} plus a dot and 16 random
     * characters, and links it to {@code path} (mux.c, muxserver_listen): the kernel keeps
     * showing the name it was bound to.
     */
    private static Set<String> listeningInodes(String path) {
        Set<String> inodes = new HashSet<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(PROC.resolve("net/unix"));
        } catch (IOException e) {
            return inodes;
        }
        for (String line : lines) {
            String[] fields = line.trim().split("\\s+", 8);
            if (fields.length == 8 && boundAs(fields[7], path) && (Integer.parseInt(fields[3], 16) & 0x10000) != 0) {
                inodes.add("socket:[" + fields[6] + "]");
            }
        }
        return inodes;
    }

    private static boolean boundAs(String bound, String path) {
        if (bound.equals(path)) {
            return true;
        }
        if (bound.length() != path.length() + 17 || !bound.startsWith(path) || bound.charAt(path.length()) != '.') {
            return false;
        }
        return bound.substring(path.length() + 1).chars().allMatch(Character::isLetterOrDigit);
    }

    private static boolean isPidDirectory(Path path) {
        String name = path.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }

    private static boolean holdsAny(Path fdDirectory, Set<String> inodes) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDirectory)) {
            for (Path fd : fds) {
                try {
                    if (inodes.contains(Files.readSymbolicLink(fd).toString())) {
                        return true;
                    }
                } catch (IOException closedMeanwhile) {
                    // the fd went away while we looked
                }
            }
        } catch (IOException notOurs) {
            // another user's process, or it exited
        }
        return false;
    }
}
