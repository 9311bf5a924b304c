package dev.jhosts.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsclub.net.unix.AFUNIXSocketChannel;
import org.newsclub.net.unix.AFUNIXSocketPair;

/**
 * The wait on a terminal's input, on one end of a socket pair standing for the terminal: it
 * blocks in poll(2) (junixsocket's, reached by reflection: a junixsocket without it fails here
 * rather than silently falling back to sleeping), says readable without reading, is woken at
 * once, keeps a wake-up that came before it, and tells a terminal that is gone.
 */
class InputWaitTest {
    private static final long LONG_MILLIS = 30_000;

    private AFUNIXSocketPair<AFUNIXSocketChannel> pair;
    private InputWait wait;

    @BeforeEach
    void open() throws IOException {
        pair = AFUNIXSocketPair.open();
        wait = InputWait.on(pair.getSocket2().getFileDescriptor());
    }

    @AfterEach
    void close() throws IOException {
        wait.close();
        pair.getSocket1().close();
        pair.getSocket2().close();
    }

    @Test
    void pollsThroughJunixsocket() {
        assertThat(wait).isInstanceOf(InputWait.Polled.class);
    }

    @Test
    void nothingComesAndTheTimeRunsOut() throws IOException {
        assertThat(wait.await(30)).isEqualTo(InputWait.Outcome.EXPIRED);
    }

    @Test
    void bytesWaitingAreReadableAndStayUnread() throws IOException {
        pair.getSocket1().write(ByteBuffer.wrap(new byte[] {'k'}));
        assertThat(wait.await(LONG_MILLIS)).isEqualTo(InputWait.Outcome.READABLE);
        ByteBuffer read = ByteBuffer.allocate(4);
        pair.getSocket2().read(read);
        assertThat(read.position()).as("the wait read nothing").isEqualTo(1);
    }

    @Test
    void aWakeUpEndsTheWaitAtOnce() throws Exception {
        Thread waker = new Thread(() -> {
            sleep(50);
            wait.wakeUp();
        });
        waker.start();
        assertThat(wait.await(LONG_MILLIS)).isEqualTo(InputWait.Outcome.WOKEN);
        waker.join();
        assertThat(wait.await(30)).as("one wake-up, one woken wait").isEqualTo(InputWait.Outcome.EXPIRED);
    }

    @Test
    void aWakeUpBeforeTheWaitEndsItAndWakeUpsDoNotPileUp() throws IOException {
        wait.wakeUp();
        wait.wakeUp();
        assertThat(wait.await(LONG_MILLIS)).isEqualTo(InputWait.Outcome.WOKEN);
        assertThat(wait.await(30)).isEqualTo(InputWait.Outcome.EXPIRED);
    }

    @Test
    void aWakeUpComesBeforeBytesWaiting() throws IOException {
        pair.getSocket1().write(ByteBuffer.wrap(new byte[] {'k'}));
        wait.wakeUp();
        assertThat(wait.await(LONG_MILLIS)).isEqualTo(InputWait.Outcome.WOKEN);
        assertThat(wait.await(LONG_MILLIS)).isEqualTo(InputWait.Outcome.READABLE);
    }

    @Test
    void aTerminalThatIsGoneIsTold() throws IOException {
        pair.getSocket1().close();
        assertThat(wait.await(LONG_MILLIS)).isEqualTo(InputWait.Outcome.GONE);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
