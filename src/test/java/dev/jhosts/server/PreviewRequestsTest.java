package dev.jhosts.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreviewRequestsTest {
    private final List<PreviewRequests.Request> requests = new ArrayList<>();
    private final PreviewRequests.Parser parser = new PreviewRequests.Parser(requests::add);

    /** The fields as the launcher's printf writes them: each ended by NUL. */
    private static byte[] fields(String... fields) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String field : fields) {
            bytes.writeBytes(field.getBytes(StandardCharsets.UTF_8));
            bytes.write(0);
        }
        return bytes.toByteArray();
    }

    private void feed(byte[] bytes) {
        parser.feed(bytes, bytes.length);
    }

    @Test
    void aRequestGivesItsProcessFolderAndWords() {
        feed(fields(PreviewRequests.MAGIC, "4242", "/opt/jhosts", "4", "-F", "/tmp/a b", "-c", "é.conf"));
        feed(fields(PreviewRequests.MAGIC, "7", "/opt/jhosts", "0"));
        assertThat(requests).containsExactly(
                new PreviewRequests.Request(4242, "/opt/jhosts", List.of("-F", "/tmp/a b", "-c", "é.conf")),
                new PreviewRequests.Request(7, "/opt/jhosts", List.of()));
    }

    @Test
    void aRequestSplitAcrossReadsIsWhole() {
        byte[] whole = fields(PreviewRequests.MAGIC, "12", "/h", "1", "-F");
        for (byte b : whole) {
            feed(new byte[] {b});
        }
        assertThat(requests).containsExactly(new PreviewRequests.Request(12, "/h", List.of("-F")));
    }

    @Test
    void whatIsOutOfFormIsPassedByUntilTheNextRequest() {
        feed(fields("noise", "12", "/h", "0"));
        feed(fields(PreviewRequests.MAGIC, "twelve", "/h", "0"));
        feed(fields(PreviewRequests.MAGIC, "12", "/h", "x"));
        feed(fields(PreviewRequests.MAGIC, "12", "/h", "17"));
        feed(fields(PreviewRequests.MAGIC, "12", "/h", "2", "-F"));
        // the half request above is cut by the next one's start
        feed(fields(PreviewRequests.MAGIC, "13", "/h", "0"));
        feed(fields(PreviewRequests.MAGIC, "14", "x".repeat(5000), "0"));
        feed(fields(PreviewRequests.MAGIC, "15", "/h", "0"));
        assertThat(requests).containsExactly(new PreviewRequests.Request(13, "/h", List.of()),
                new PreviewRequests.Request(15, "/h", List.of()));
    }
}
