package dev.jhosts.server;

import dev.jhosts.terminal.TerminalSide;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The {@link TerminalSide} of a client's terminal: the client runs the program, or stops itself,
 * when the server asks ({@link ToClient.Run}, {@link ToClient.Stop}), and says when it is done.
 * One request at a time (the terminal is lent once at a time).
 */
final class ClientSide implements TerminalSide {
    /** What ends the wait for the client: its answer, or its going away. */
    private sealed interface Answer {
        record Finished(int status) implements Answer {}

        record Continued() implements Answer {}

        record Gone() implements Answer {}
    }

    private final ClientLink link;
    private final BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
    private volatile boolean gone;

    ClientSide(ClientLink link) {
        this.link = link;
    }

    @Override
    public int run(List<String> command) throws IOException, InterruptedException {
        answers.clear();
        link.send(new ToClient.Run(command));
        while (true) {
            Answer answer = next();
            if (answer instanceof Answer.Finished finished) {
                return finished.status();
            }
        }
    }

    @Override
    public void stop() throws IOException {
        answers.clear();
        link.send(new ToClient.Stop());
        try {
            while (!(next() instanceof Answer.Continued)) {
                // a Finished from an earlier run cannot come here; nothing else answers a stop
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the client was stopped");
        }
    }

    private Answer next() throws IOException, InterruptedException {
        if (gone) {
            throw new IOException("the terminal's client has gone");
        }
        Answer answer = answers.take();
        if (answer instanceof Answer.Gone) {
            throw new IOException("the terminal's client has gone");
        }
        return answer;
    }

    void finished(int status) {
        answers.add(new Answer.Finished(status));
    }

    void continued() {
        answers.add(new Answer.Continued());
    }

    void clientGone() {
        gone = true;
        answers.add(new Answer.Gone());
    }
}
