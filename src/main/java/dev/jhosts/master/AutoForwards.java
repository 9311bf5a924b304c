package dev.jhosts.master;

import dev.jhosts.mux.Forward;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@code forwards} setting at work: when jhosts makes the master of an alias that lists
 * forwards, it opens them on it. One the master refuses (a port in use) is noted with the
 * master's reason, so that the lists show it as failed, and told to {@code problems}.
 */
final class AutoForwards implements LaunchHook {
    private final Map<String, List<Forward>> byAlias;
    private final MasterForwards forwards;
    private final Consumer<String> problems;

    AutoForwards(Map<String, List<Forward>> byAlias, MasterForwards forwards, Consumer<String> problems) {
        this.byAlias = Map.copyOf(byAlias);
        this.forwards = forwards;
        this.problems = problems;
    }

    @Override
    public void launched(MasterTarget target, LiveMaster master) {
        for (Forward forward : byAlias.getOrDefault(target.label(), List.of())) {
            try {
                forwards.open(master.socket(), forward, ForwardOrigin.SETTING, true);
            } catch (MasterException e) {
                problems.accept(target.label() + ": " + e.getMessage());
            }
        }
    }
}
