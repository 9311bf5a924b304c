package dev.jhosts.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineBufferTest {
    private static List<String> feed(LineBuffer buffer, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return buffer.add(bytes, 0, bytes.length);
    }

    @Test
    void linesSplitAcrossChunksComeWholeAndTheLastOneAtTheEnd() {
        LineBuffer buffer = new LineBuffer();
        assertThat(feed(buffer, "one\ntw")).containsExactly("one");
        assertThat(feed(buffer, "o\r\nthr")).containsExactly("two");
        assertThat(feed(buffer, "ee")).isEmpty();
        assertThat(buffer.finish()).containsExactly("three");
        assertThat(buffer.finish()).isEmpty();
    }

    @Test
    void aUtf8CharacterSplitBetweenChunksIsKept() {
        LineBuffer buffer = new LineBuffer();
        byte[] bytes = "é\n".getBytes(StandardCharsets.UTF_8);
        assertThat(buffer.add(bytes, 0, 1)).isEmpty();
        assertThat(buffer.add(bytes, 1, bytes.length - 1)).containsExactly("é");
    }

    @Test
    void aStreamWithoutNewlinesIsCutAtTheLineLimit() {
        LineBuffer buffer = new LineBuffer();
        byte[] chunk = "x".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lines.addAll(buffer.add(chunk, 0, chunk.length));
        }
        lines.addAll(buffer.finish());
        assertThat(lines).allMatch(line -> line.length() <= LineBuffer.MAX_LINE);
        assertThat(lines.stream().mapToInt(String::length).sum()).isEqualTo(200_000);
    }
}
