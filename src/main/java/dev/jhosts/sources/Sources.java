package dev.jhosts.sources;

import dev.jhosts.catalog.Host;
import dev.jhosts.catalog.SourceHosts;
import dev.jhosts.config.SourceSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The inventories of the {@code sources} setting: their hosts from the cache, from a run of
 * their commands, or (in the picker) from runs in the background whenever their hosts grow
 * older than the source's {@code refresh}. A source that fails is one warning naming it; the
 * hosts it gave last (kept in the cache) stay listed.
 */
public final class Sources {
    private final List<SourceSpec> specs;
    private final SourceCache cache;
    private final String localUser;

    public Sources(List<SourceSpec> specs, Path cacheDirectory, String localUser) {
        this.specs = List.copyOf(specs);
        this.cache = new SourceCache(cacheDirectory);
        this.localUser = localUser;
    }

    /** Where the sources' caches go: {@code $XDG_CACHE_HOME/jhosts/sources}, else {@code ~/.cache/jhosts/sources}. */
    public static Path cacheDirectory(Map<String, String> env, Path home) {
        String cacheHome = env.get("XDG_CACHE_HOME");
        Path base = cacheHome != null && !cacheHome.isEmpty() ? Path.of(cacheHome) : home.resolve(".cache");
        return base.resolve("jhosts").resolve("sources");
    }

    /** Whether there are any sources. */
    public boolean any() {
        return !specs.isEmpty();
    }

    /** Which sources a command-line run waits for. */
    public enum Run {
        /** Those whose cached hosts are older than their {@code refresh}, or that have none. */
        STALE,
        /** Only those that have no cached hosts at all. */
        MISSING
    }

    /** The hosts of the caches, whatever their age; no command runs. */
    public SourceHosts cached() {
        return combine(cachedAnswers());
    }

    /**
     * The hosts after running the sources {@code which} names, at the same time, each within its
     * timeout; the others' from their caches.
     */
    public SourceHosts refreshed(Run which) throws InterruptedException {
        List<Answer> answers = cachedAnswers();
        Instant now = Instant.now();
        ExecutorService runners = runners();
        try {
            List<Future<Answer>> runs = new ArrayList<>();
            for (Answer answer : answers) {
                boolean due = which == Run.STALE ? answer.staleAt(now) : !answer.given();
                runs.add(due ? runners.submit(() -> run(answer)) : null);
            }
            for (int i = 0; i < answers.size(); i++) {
                Future<Answer> run = runs.get(i);
                if (run != null) {
                    answers.set(i, finished(run, answers.get(i)));
                }
            }
        } finally {
            runners.shutdownNow();
        }
        return combine(answers);
    }

    /**
     * Starts running the sources in the background: at once those whose hosts are stale, then
     * each again {@code refresh} after its latest answer. {@code changed} gets the hosts of all of
     * them whenever one answers differently, on one thread, in order.
     */
    public Watch watch(Consumer<SourceHosts> changed) {
        Watch watch = new Watch(this, cachedAnswers(), changed);
        watch.start();
        return watch;
    }

    private Answer finished(Future<Answer> run, Answer before) throws InterruptedException {
        try {
            // the run stops its command at the source's timeout; this is the net under it
            return run.get(before.spec().timeout().plusSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            run.cancel(true);
            return failed(before, "gave no answer within " + SourceCommand.words(before.spec().timeout()));
        }
    }

    List<Answer> cachedAnswers() {
        List<Answer> answers = new ArrayList<>();
        for (SourceSpec spec : specs) {
            answers.add(fromCache(spec));
        }
        return answers;
    }

    private Answer fromCache(SourceSpec spec) {
        Optional<SourceCache.Entry> entry = cache.read(spec);
        if (entry.isEmpty()) {
            return Answer.none(spec);
        }
        try {
            SourceOutput output = SourceOutput.read(spec, entry.get().text(), localUser);
            return new Answer(spec, output.hosts(), warning(spec, output.refusals()), entry.get().fetchedAt());
        } catch (SourceOutput.Unreadable e) {
            return Answer.none(spec); // run again; what it prints then is checked and said
        }
    }

    /** Runs {@code before}'s source: its new hosts, or {@code before}'s with a warning why not. */
    Answer run(Answer before) throws InterruptedException {
        SourceSpec spec = before.spec();
        String text;
        SourceOutput output;
        try {
            text = SourceCommand.run(spec);
            output = SourceOutput.read(spec, text, localUser);
        } catch (SourceCommand.Failed | SourceOutput.Unreadable e) {
            return failed(before, e.getMessage());
        }
        Instant now = Instant.now();
        try {
            cache.write(spec, text, now);
        } catch (IOException | RuntimeException e) {
            // the next start runs the source again instead of listing its hosts at once
        }
        return new Answer(spec, output.hosts(), warning(spec, output.refusals()), now);
    }

    private static Answer failed(Answer before, String why) {
        String kept = before.given() && !before.hosts().isEmpty()
                ? " (the " + (before.hosts().size() == 1 ? "host" : before.hosts().size() + " hosts") + " it gave "
                        + age(before.fetchedAt()) + (before.hosts().size() == 1 ? " is" : " are") + " listed)" : "";
        return new Answer(before.spec(), before.hosts(), "source " + before.spec().name() + ": " + why + kept,
                before.fetchedAt());
    }

    private static String warning(SourceSpec spec, String refusals) {
        return refusals.isEmpty() ? "" : "source " + spec.name() + ": " + refusals;
    }

    private static String age(Instant at) {
        long seconds = Math.max(0, Duration.between(at, Instant.now()).toSeconds());
        if (seconds < 120) {
            return seconds + "s ago";
        }
        if (seconds < 7200) {
            return seconds / 60 + "m ago";
        }
        return seconds < 172_800 ? seconds / 3600 + "h ago" : seconds / 86_400 + "d ago";
    }

    static SourceHosts combine(List<Answer> answers) {
        List<Host> hosts = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        boolean complete = true;
        for (Answer answer : answers) {
            hosts.addAll(answer.hosts());
            if (!answer.warning().isEmpty()) {
                warnings.add(answer.warning());
            }
            complete &= answer.given();
        }
        return new SourceHosts(hosts, warnings, complete);
    }

    static ExecutorService runners() {
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "jhosts-source");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The sources running in the background for the picker; {@link #close} stops them and their commands. */
    public static final class Watch implements AutoCloseable {
        private final Sources sources;
        private final Consumer<SourceHosts> changed;
        /** The latest answer of each source, in settings order; touched on {@link #owner} only. */
        private final List<Answer> answers;
        private final java.util.concurrent.ScheduledExecutorService owner = Executors.newSingleThreadScheduledExecutor(
                runnable -> {
                    Thread thread = new Thread(runnable, "jhosts-sources");
                    thread.setDaemon(true);
                    return thread;
                });
        private final ExecutorService runners = runners();
        private SourceHosts published;

        private Watch(Sources sources, List<Answer> cached, Consumer<SourceHosts> changed) {
            this.sources = sources;
            this.answers = new ArrayList<>(cached);
            this.changed = changed;
            this.published = combine(cached);
        }

        private void start() {
            Instant now = Instant.now();
            for (int i = 0; i < answers.size(); i++) {
                int index = i;
                long delay = Math.max(0, Duration.between(now, answers.get(i).dueAt()).toMillis());
                owner.schedule(() -> runSource(index), delay, TimeUnit.MILLISECONDS);
            }
        }

        /** On the owner thread: runs source {@code index} on a runner, its answer coming back here. */
        private void runSource(int index) {
            Answer before = answers.get(index);
            runners.execute(() -> {
                try {
                    Answer after = sources.run(before);
                    owner.execute(() -> accept(index, after));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    // closed meanwhile
                }
            });
        }

        private void accept(int index, Answer answer) {
            answers.set(index, answer);
            SourceHosts now = combine(answers);
            if (!now.equals(published)) {
                published = now;
                changed.accept(now);
            }
            owner.schedule(() -> runSource(index), answer.spec().refresh().toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            owner.shutdownNow();
            runners.shutdownNow();
        }
    }
}
