package dev.jhosts.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jhosts.catalog.Host;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A picker made of the catalogue a moment before it subscribed learns the change it would have
 * missed: a source that failed while its first frame was drawn is still said.
 */
class CataloguePublisherTest {
    @Test
    void aPickerThatStartsIsToldTheLatestChangeAtOnceAndEveryChangeAfter() {
        CataloguePublisher publisher = new CataloguePublisher();
        List<List<String>> told = new ArrayList<>();
        Runnable first = publisher.start((hosts, warnings) -> told.add(warnings));
        assertThat(told).isEmpty();

        publisher.publish(List.<Host>of(), List.of("source broken: exited with status 3"));
        assertThat(told).containsExactly(List.of("source broken: exited with status 3"));

        List<List<String>> late = new ArrayList<>();
        Runnable second = publisher.start((hosts, warnings) -> late.add(warnings));
        assertThat(late).containsExactly(List.of("source broken: exited with status 3"));

        first.run();
        publisher.publish(List.<Host>of(), List.of());
        assertThat(told).hasSize(1);
        assertThat(late).containsExactly(List.of("source broken: exited with status 3"), List.of());
        second.run();
    }
}
