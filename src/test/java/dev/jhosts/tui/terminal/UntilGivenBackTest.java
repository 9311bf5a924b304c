package dev.jhosts.tui.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UntilGivenBackTest {
    @Test
    void whatIsDrawnAfterTheTerminalIsGivenBackGoesNowhere() throws IOException {
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        UntilGivenBack drawn = new UntilGivenBack(terminal);
        drawn.write("frame 1".getBytes(StandardCharsets.US_ASCII));
        drawn.write('!');
        drawn.flush();
        drawn.shut();
        drawn.write("frame 2".getBytes(StandardCharsets.US_ASCII), 0, 7);
        drawn.write('?');
        drawn.flush();
        assertThat(terminal.toString(StandardCharsets.US_ASCII)).isEqualTo("frame 1!");
    }

    @Test
    void shuttingNeverWaitsForAWriteThatDoesNotReturn() throws Exception {
        Object stuck = new Object();
        OutputStream undrained = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                synchronized (stuck) {
                    try {
                        stuck.wait(10_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        UntilGivenBack drawn = new UntilGivenBack(undrained);
        Thread drawing = new Thread(() -> {
            try {
                drawn.write('x');
            } catch (IOException ignored) {
                // not here
            }
        });
        drawing.start();
        Thread.sleep(50);
        long before = System.nanoTime();
        drawn.shut();
        assertThat(System.nanoTime() - before).isLessThan(1_000_000_000L);
        synchronized (stuck) {
            stuck.notifyAll();
        }
        drawing.join(10_000);
    }
}
