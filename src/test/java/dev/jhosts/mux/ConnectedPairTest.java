package dev.jhosts.mux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ConnectedPairTest {
    private static int descriptors() {
        return new File("/proc/self/fd").list().length;
    }

    private static long pairDirectories() throws Exception {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(path -> path.getFileName().toString().startsWith("jhosts-pair")).count();
        }
    }

    @Test
    void bytesGoBothWaysAndClosingBothEndsLeavesNoDescriptorAndNoDirectory() throws Exception {
        ConnectedPair.open().first().close(); // the library loaded, once
        int before = descriptors();
        long directories = pairDirectories();
        for (int i = 0; i < 50; i++) {
            ConnectedPair pair = ConnectedPair.open();
            pair.first().write(ByteBuffer.wrap(new byte[] {1, 2}));
            ByteBuffer there = ByteBuffer.allocate(2);
            while (there.hasRemaining()) {
                pair.second().read(there);
            }
            assertThat(there.array()).containsExactly(1, 2);
            pair.second().write(ByteBuffer.wrap(new byte[] {3}));
            ByteBuffer back = ByteBuffer.allocate(1);
            pair.first().read(back);
            assertThat(back.get(0)).isEqualTo((byte) 3);
            pair.first().close();
            pair.second().close();
        }
        assertThat(descriptors()).as("descriptors after 50 pairs").isEqualTo(before);
        assertThat(pairDirectories()).isEqualTo(directories);
    }

    @Test
    void oneEndClosedIsTheOthersEnd() throws Exception {
        ConnectedPair pair = ConnectedPair.open();
        try {
            pair.first().close();
            assertThat(pair.second().read(ByteBuffer.allocate(1))).isEqualTo(-1);
        } finally {
            pair.second().close();
        }
    }
}
