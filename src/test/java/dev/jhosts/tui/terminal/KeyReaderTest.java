package dev.jhosts.tui.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.tui.state.Key;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jline.utils.NonBlockingInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What becomes of each byte the key reader reads: keys for the list, typeahead for a session
 * (every byte after the Enter, in order), a lone Esc that cancels. Fed from a queue instead of a
 * terminal.
 */
class KeyReaderTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);

    /** Bytes "typed" into the reader; a read waits for one as the terminal's would. */
    private static final class TypedInput extends NonBlockingInputStream {
        private static final int WAKE = -100;
        private final LinkedBlockingQueue<Integer> bytes = new LinkedBlockingQueue<>();

        void type(String text) {
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                bytes.add(b & 0xff);
            }
        }

        void wakeUp() {
            bytes.add(WAKE);
        }

        /** What is still to be read. */
        String remaining() {
            StringBuilder text = new StringBuilder();
            for (int b : bytes) {
                if (b != WAKE) {
                    text.append((char) b);
                }
            }
            return text.toString();
        }

        @Override
        public int read(long timeout, boolean isPeek) {
            try {
                Integer next = bytes.poll(timeout <= 0 ? Long.MAX_VALUE : timeout, TimeUnit.MILLISECONDS);
                return next == null || next == WAKE ? READ_EXPIRED : next;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return READ_EXPIRED;
            }
        }
    }

    private final TypedInput input = new TypedInput();
    private final LinkedBlockingQueue<Key> delivered = new LinkedBlockingQueue<>();
    private final KeyReader reader = new KeyReader(input, input::wakeUp, StandardCharsets.UTF_8, Duration.ofMillis(100),
            delivered::add, () -> { });

    @AfterEach
    void stop() {
        reader.stop();
    }

    private Key next() throws InterruptedException {
        Key key = delivered.poll(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(key).as("a key within " + LIMIT).isNotNull();
        return key;
    }

    /** Keys as the UI thread takes them: told to the reader as consumed. */
    private Key consume() throws InterruptedException {
        Key key = next();
        reader.consumed();
        return key;
    }

    @Test
    void whatFollowsTheEnterThatConnectsGoesToTheSessionInOrder() throws Exception {
        reader.resume();
        input.type("ab\recho hi\r");
        assertThat(List.of(consume(), consume(), consume())).containsExactly(Key.typed('a'), Key.typed('b'),
                Key.named(Key.Name.ENTER));
        // the Enter connects: the keys after it, delivered or not yet, are taken back
        awaitDelivered(8);
        assertThat(reader.hold()).as("key events to drop").isEqualTo(8);
        input.type("ls\r");
        KeyReader.HandOver handOver = reader.handOver();
        assertThat(handOver.reclaimedKeys()).as("dropped already").isZero();
        // what the reader had not read yet is still in the input, for the session's own copy
        assertThat(new String(handOver.bytes(), StandardCharsets.US_ASCII) + input.remaining()).isEqualTo("echo hi\rls\r");
    }

    @Test
    void aLoneEscWhileHoldingCancelsAndWhatFollowsItIsTheListsAgain() throws Exception {
        reader.resume();
        input.type("\r");
        assertThat(consume()).isEqualTo(Key.named(Key.Name.ENTER));
        assertThat(reader.hold()).isZero();
        input.type("typed-for-the-session");
        awaitKept(21);
        input.type("\u001b");
        assertThat(consume()).isEqualTo(Key.named(Key.Name.ESCAPE));
        assertThat(reader.keptBytes()).as("what was typed before the Esc is cancelled with it").isZero();
        input.type("x");
        awaitKept(1);
        // the list closed its "connecting" box: back to the list; what came after the Esc is replayed
        assertThat(reader.release()).isZero();
        assertThat(next()).isEqualTo(Key.typed('x'));
        assertThat(delivered).isEmpty();
    }

    @Test
    void withoutAnEscWhatWasHeldIsDroppedWhenTheSessionDoesNotOpen() throws Exception {
        reader.resume();
        input.type("\r");
        consume();
        reader.hold();
        input.type("rm -rf tmp\r");
        awaitKept(11);
        assertThat(reader.release()).isZero();
        input.type("y");
        assertThat(next()).isEqualTo(Key.typed('y'));
        assertThat(delivered).isEmpty();
    }

    @Test
    void whatWasHeldGoesToADialogThatComesBeforeTheSessionAsKeysInOrder() throws Exception {
        reader.resume();
        input.type("\r");
        consume();
        reader.hold();
        input.type("yes\r");
        awaitKept(4);
        assertThat(reader.handToDialog()).isZero();
        assertThat(List.of(consume(), consume(), consume(), consume())).containsExactly(Key.typed('y'),
                Key.typed('e'), Key.typed('s'), Key.named(Key.Name.ENTER));
        assertThat(reader.keptBytes()).isZero();
    }

    @Test
    void anArrowKeyIsOneKeyAndASessionGetsItsBytesWhole() throws Exception {
        reader.resume();
        input.type("\u001b[B\r\u001b[A");
        assertThat(consume()).isEqualTo(Key.named(Key.Name.DOWN));
        assertThat(consume()).isEqualTo(Key.named(Key.Name.ENTER));
        awaitDelivered(1);
        KeyReader.HandOver handOver = reader.handOver();
        assertThat(new String(handOver.bytes(), StandardCharsets.US_ASCII)).isEqualTo("\u001b[A");
        assertThat(handOver.reclaimedKeys()).isEqualTo(1);
    }

    /** Waits (bounded) until {@code count} keys are delivered and not yet taken. */
    private void awaitDelivered(int count) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (delivered.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(delivered).hasSize(count);
    }

    /** Waits (bounded) until the reader keeps {@code count} bytes. */
    private void awaitKept(int count) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (reader.keptBytes() != count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(reader.keptBytes()).isEqualTo(count);
    }
}
