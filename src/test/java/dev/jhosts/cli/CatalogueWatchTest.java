package dev.jhosts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueWatchTest {
    @TempDir
    Path dir;

    @Test
    void aWriteThatEndsAfterTheChangeWasSeenIsToldToo() throws Exception {
        Path config = dir.resolve("config");
        Files.writeString(config, "Host a\n");
        AtomicInteger told = new AtomicInteger();
        CountDownLatch second = new CountDownLatch(2);
        AtomicReference<CatalogueWatch> watch = new AtomicReference<>();
        // as the server does: the hosts are read, then the watch is told of them; meanwhile the
        // write that the first look caught halfway (the file truncated) ends
        watch.set(new CatalogueWatch(List.of(config), List.of(), () -> {
            if (told.incrementAndGet() == 1) {
                try {
                    Files.writeString(config, "Host a\nHost b\nHost c\n");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            watch.get().hostsAre(List.of());
            second.countDown();
        }));
        try {
            Files.writeString(config, "");
            boolean both = second.await(4 * CatalogueWatch.INTERVAL_MILLIS + 2_000, TimeUnit.MILLISECONDS);
            assertThat(both).as("the ended write told as a second change (told %d)", told.get()).isTrue();
        } finally {
            watch.get().close();
        }
    }

    @Test
    void nothingChangedIsToldNothing() throws Exception {
        Path config = dir.resolve("config");
        Files.writeString(config, "Host a\n");
        AtomicInteger told = new AtomicInteger();
        CatalogueWatch watch = new CatalogueWatch(List.of(config), List.of(), told::incrementAndGet);
        try {
            Thread.sleep(CatalogueWatch.INTERVAL_MILLIS + 500);
            assertThat(told.get()).isZero();
        } finally {
            watch.close();
        }
    }
}
