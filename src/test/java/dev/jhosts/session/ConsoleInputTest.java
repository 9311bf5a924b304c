package dev.jhosts.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsclub.net.unix.AFUNIXSocketChannel;
import org.newsclub.net.unix.AFUNIXSocketPair;

/**
 * Bytes given back to a terminal's input (one end of a socket pair standing for the terminal)
 * are read before what waits on the terminal, latest first, and reach a read already waiting on
 * the terminal at once: the hand that gives them back never waits for that read.
 */
class ConsoleInputTest {
    private static final long LONG_MILLIS = 30_000;
    private static final long LIMIT_MILLIS = 10_000;

    private AFUNIXSocketPair<AFUNIXSocketChannel> pair;
    private ConsoleInput input;

    @BeforeEach
    void open() throws IOException {
        pair = AFUNIXSocketPair.open();
        input = new ConsoleInput(pair.getSocket2().getFileDescriptor());
    }

    @AfterEach
    void close() throws IOException {
        input.close();
        pair.getSocket1().close();
        pair.getSocket2().close();
    }

    @Test
    void bytesGivenBackComeBeforeTheTerminalsLatestFirst() throws IOException {
        type('t');
        input.giveBack(new byte[] {'a', 'b'}, 0, 2);
        input.giveBack(new byte[] {'-', 'c', '-'}, 1, 1);
        assertThat(input.available()).isEqualTo(4);
        assertThat(readAll(4)).isEqualTo("cabt");
    }

    @Test
    void aReadWaitingOnTheTerminalGetsWhatIsGivenBackAtOnce() throws Exception {
        CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return input.read(LONG_MILLIS, false);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        // the read holds the stream while it waits on the terminal
        Thread.sleep(100);
        long start = System.nanoTime();
        input.giveBack(new byte[] {3}, 0, 1);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
                .as("giving back waited for the read").isLessThan(LIMIT_MILLIS);
        assertThat(waiting.get(LIMIT_MILLIS, TimeUnit.MILLISECONDS)).isEqualTo(3);
        type('x');
        assertThat(input.read(LONG_MILLIS, false)).isEqualTo('x');
    }

    private void type(char key) throws IOException {
        pair.getSocket1().write(ByteBuffer.wrap(new byte[] {(byte) key}));
    }

    private String readAll(int count) throws IOException {
        StringBuilder read = new StringBuilder();
        for (int i = 0; i < count; i++) {
            read.append((char) input.read(LONG_MILLIS, false));
        }
        return read.toString();
    }
}
