package dev.jhosts.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The launcher's requests for a picker's first frame, read from the server's named pipe ({@link
 * ServerAddress#previews()}). A client is a JVM, and a JVM's start alone takes longer than a
 * warm server needs for the frame; the launcher, a shell script, cannot speak to a socket, but
 * it can write to a pipe. Before it starts the client's JVM it writes its pid, its folder and
 * its words there, and the server draws the frame on that process's terminal ({@link Previews})
 * while the JVM starts. The client then connects as always and its picker takes the terminal
 * over.
 *
 * <p>Only the user can open the pipe (0600, in the 0700 control directory). A request is still
 * no more than a hint: the server draws only for a process of its user that is still starting
 * from a launcher of its own build, for its own ssh config and settings (the caller checks those),
 * and anything else read from the pipe is passed by.
 *
 * <p>A request is NUL-terminated fields, {@code jhosts-preview-1 PID HOME N WORD...} (N words),
 * written by one {@code printf}: one write, which a pipe keeps whole up to PIPE_BUF.
 */
final class PreviewRequests implements AutoCloseable {
    static final String MAGIC = "jhosts-preview-1";
    private static final int FIELD_LIMIT = 4096;
    private static final int WORDS_LIMIT = 16;

    /** A launcher's request: its process, its folder, its words (after the launcher's name). */
    record Request(long pid, String home, List<String> words) {
        Request {
            words = List.copyOf(words);
        }
    }

    private final Path fifo;
    private final RandomAccessFile pipe;
    private volatile boolean closed;

    private PreviewRequests(Path fifo, RandomAccessFile pipe) {
        this.fifo = fifo;
        this.pipe = pipe;
    }

    /**
     * Makes the pipe at {@code fifo} (replacing whatever is there: the directory is the user's
     * alone) and reads it on a thread of its own, giving each request to {@code requests}; empty
     * when the pipe cannot be made (the launcher then writes nothing: it writes only to a pipe).
     */
    static Optional<PreviewRequests> open(Path fifo, Consumer<Request> requests, PrintStream log) {
        try {
            Files.deleteIfExists(fifo);
            Process mkfifo = new ProcessBuilder("mkfifo", "-m", "600", fifo.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!mkfifo.waitFor(5, TimeUnit.SECONDS)) {
                mkfifo.destroyForcibly();
                return Optional.empty();
            }
            BasicFileAttributes made = Files.readAttributes(fifo, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (mkfifo.exitValue() != 0 || !made.isOther()) {
                return Optional.empty();
            }
            // read and write: a pipe open for writing here never reads as ended between two writers
            PreviewRequests opened = new PreviewRequests(fifo, new RandomAccessFile(fifo.toFile(), "rw"));
            Thread reader = new Thread(() -> opened.read(requests, log), "jhosts-server-preview-requests");
            reader.setDaemon(true);
            reader.start();
            return Optional.of(opened);
        } catch (IOException | RuntimeException e) {
            log.println("jhosts server: no first frames before the client's hello: " + e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void read(Consumer<Request> requests, PrintStream log) {
        Parser parser = new Parser(requests);
        byte[] buffer = new byte[8192];
        try {
            while (!closed) {
                int read = pipe.read(buffer);
                if (read < 0) {
                    return;
                }
                parser.feed(buffer, read);
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                log.println("jhosts server: the first frames' pipe: " + e);
            }
        }
    }

    /** Removes the pipe (the launcher finds none: nothing is written) and ends its reader. */
    @Override
    public void close() {
        closed = true;
        try {
            Files.deleteIfExists(fifo);
        } catch (IOException ignored) {
            // the next server replaces it
        }
        try {
            pipe.write(0); // wakes the reader, which then sees the close
            pipe.close();
        } catch (IOException ignored) {
            // closed already
        }
    }

    /**
     * Requests from a byte stream: fields up to NUL, a request from {@link #MAGIC} on. A field
     * too long or out of form drops the request it is in; the next {@link #MAGIC} starts again.
     */
    static final class Parser {
        private final Consumer<Request> requests;
        private final ByteArrayOutputStream field = new ByteArrayOutputStream();
        private final List<String> fields = new ArrayList<>();
        private boolean overlong;
        private boolean inRequest;

        Parser(Consumer<Request> requests) {
            this.requests = requests;
        }

        void feed(byte[] bytes, int length) {
            for (int i = 0; i < length; i++) {
                if (bytes[i] != 0) {
                    if (field.size() < FIELD_LIMIT) {
                        field.write(bytes[i]);
                    } else {
                        overlong = true;
                    }
                    continue;
                }
                String text = field.toString(StandardCharsets.UTF_8);
                boolean tooLong = overlong;
                field.reset();
                overlong = false;
                if (text.equals(MAGIC)) {
                    fields.clear();
                    inRequest = true;
                } else if (inRequest) {
                    if (tooLong) {
                        drop();
                    } else {
                        fields.add(text);
                        fieldAdded();
                    }
                }
            }
        }

        private void fieldAdded() {
            // PID HOME N WORD...
            if (fields.size() == 1 && !digits(fields.get(0), 18) || fields.size() == 3 && !digits(fields.get(2), 2)) {
                drop();
                return;
            }
            if (fields.size() >= 3) {
                int words = Integer.parseInt(fields.get(2));
                if (words > WORDS_LIMIT) {
                    drop();
                } else if (fields.size() == 3 + words) {
                    requests.accept(new Request(Long.parseLong(fields.get(0)), fields.get(1), fields.subList(3, fields.size())));
                    drop();
                }
            }
        }

        private void drop() {
            fields.clear();
            inRequest = false;
        }

        private static boolean digits(String text, int most) {
            return !text.isEmpty() && text.length() <= most && text.chars().allMatch(c -> c >= '0' && c <= '9');
        }
    }
}
