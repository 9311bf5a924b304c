package dev.jhosts.master;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The log of a master jhosts launched ({@code ssh -E}): where ssh says what the mux protocol
 * does not. MUX_S_FAILURE for a forward says only "Port forwarding failed"; the master logs
 * why ("bind [127.0.0.1]:8080: Address already in use") before it answers (mux.c
 * process_mux_open_fwd, channels.c channel_setup_fwd_listener_tcpip), and it logs the port the
 * server chose for a config RemoteForward on port 0 (ssh.c ssh_confirm_remote_forward).
 */
final class MasterLog {
    /** At most this much of a log is read (a master started with -v writes a lot). */
    private static final int MAX_READ = 256 * 1024;
    private static final int REASON_LINES = 3;
    private static final Pattern ALLOCATED =
            Pattern.compile("Allocated port (\\d+) for remote forward to (.*):(\\d+)\\s*$");

    private final Path file;

    MasterLog(Path file) {
        this.file = file;
    }

    /** The log's length now, to read what comes after it. */
    long mark() {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** What the master logged after {@code mark} (debug chatter left out), as one line; empty for nothing. */
    String reasonSince(long mark) {
        List<String> lines = linesFrom(mark).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("debug"))
                .toList();
        return String.join(" / ", lines.subList(Math.max(0, lines.size() - REASON_LINES), lines.size()));
    }

    /** The port the server chose for a remote forward on port 0 to {@code host}:{@code port}, or 0. */
    int allocatedPort(String host, int port) {
        int found = 0;
        for (String line : linesFrom(Math.max(0, mark() - MAX_READ))) {
            Matcher matcher = ALLOCATED.matcher(line);
            if (matcher.find() && matcher.group(2).equals(host) && Integer.parseInt(matcher.group(3)) == port) {
                found = Integer.parseInt(matcher.group(1));
            }
        }
        return found;
    }

    private List<String> linesFrom(long offset) {
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(offset, log.length() - MAX_READ);
            int length = (int) Math.max(0, log.length() - start);
            byte[] bytes = new byte[length];
            log.seek(start);
            log.readFully(bytes);
            return new ArrayList<>(List.of(new String(bytes, StandardCharsets.UTF_8).split("\r?\n")));
        } catch (IOException e) {
            return new ArrayList<>();
        }
    }
}
