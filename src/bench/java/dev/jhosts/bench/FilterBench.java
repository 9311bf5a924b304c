package dev.jhosts.bench;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.jhosts.catalog.Host;
import dev.jhosts.catalog.filter.HostFilter;
import dev.jhosts.tui.state.Key;
import dev.jhosts.tui.state.Keymap;
import dev.jhosts.tui.state.ScreenSize;
import dev.jhosts.tui.state.UiEvent;
import dev.jhosts.tui.state.Update;
import dev.jhosts.tui.state.ViewState;
import dev.jhosts.tui.view.Appearance;
import dev.jhosts.tui.view.Renderer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The picker at scale: 10,000 generated hosts in 40 groups, realistic queries typed one
 * character at a time. Per keystroke it times the update (filtering and the new state, through
 * {@link Update#update}) and the drawing of one 100×40 frame ({@link Renderer} into an in-memory
 * Lanterna screen, then the screen's delta refresh to a virtual terminal), and prints the
 * median and the slowest keystroke of each against the 16 ms frame budget. The baseline, in the
 * same run: filtering the whole catalogue from scratch at every keystroke (no narrowing).
 *
 * <p>Arguments: {@code [hosts] [runs]} (defaults 10000 and 15). Prints figures; never fails.
 * The launcher runs jhosts with {@code -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}; for figures
 * that match it, pass those to {@code java} too.
 */
public final class FilterBench {
    private static final double FRAME_BUDGET_MS = 16.0;
    private static final List<String> QUERIES = List.of("web12", "tag:prod", "db eu", "k8s 404");
    private static final int WARM_UP = 5;

    private FilterBench() {}

    public static void main(String[] args) throws IOException {
        int hostCount = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        List<Host> hosts = generate(hostCount);
        ViewState start = ViewState.initial(hosts, List.of(), new ScreenSize(100, 40), Instant.EPOCH, Duration.ofMillis(-1));
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(100, 40));
        TerminalScreen screen = new TerminalScreen(terminal);
        screen.startScreen();
        Renderer renderer = new Renderer(Appearance.of(true, true), Keymap.defaults());
        System.out.printf("%d hosts, %d groups, frame 100x40, %d runs after %d warm-up runs; budget %.0f ms per frame%n",
                hostCount, 40, runs, WARM_UP, FRAME_BUDGET_MS);
        System.out.println("JVM options: " + ManagementFactory.getRuntimeMXBean().getInputArguments());
        for (String query : QUERIES) {
            List<Double> update = new ArrayList<>();
            List<Double> render = new ArrayList<>();
            List<Double> fromScratch = new ArrayList<>();
            for (int run = 0; run < WARM_UP + runs; run++) {
                boolean measured = run >= WARM_UP;
                ViewState state = start;
                for (int i = 0; i < query.length(); i++) {
                    long before = System.nanoTime();
                    state = Update.update(Keymap.defaults(), state, new UiEvent.KeyPressed(Key.typed(query.charAt(i)))).state();
                    long updated = System.nanoTime();
                    renderer.render(state, screen.newTextGraphics());
                    screen.refresh(Screen.RefreshType.DELTA);
                    long drawn = System.nanoTime();
                    HostFilter.apply(hosts, query.substring(0, i + 1));
                    long scratch = System.nanoTime();
                    if (measured) {
                        update.add((updated - before) / 1e6);
                        render.add((drawn - updated) / 1e6);
                        fromScratch.add((scratch - drawn) / 1e6);
                    }
                }
                if (run == WARM_UP) {
                    System.out.printf("%n\"%s\": %d shown at the end%n", query, state.list().matches().size());
                }
                state = Update.update(Keymap.defaults(), state, new UiEvent.KeyPressed(Key.ctrl('u'))).state();
                renderer.render(state, screen.newTextGraphics());
                screen.refresh(Screen.RefreshType.DELTA);
            }
            print("  update (filter + state)", update);
            print("  render (100x40 + refresh)", render);
            print("  update + render", sum(update, render));
            print("  baseline: whole catalogue filtered", fromScratch);
            System.out.println("  median update + render by keystroke: " + byKeystroke(query, sum(update, render)));
        }
        screen.stopScreen();
    }

    /** "w 3.1  e 2.0 ..." : the median of each keystroke position over the runs. */
    private static String byKeystroke(String query, List<Double> millis) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < query.length(); i++) {
            List<Double> atKey = new ArrayList<>();
            for (int at = i; at < millis.size(); at += query.length()) {
                atKey.add(millis.get(at));
            }
            atKey.sort(null);
            line.append(String.format("%s%c %.1f", i == 0 ? "" : "  ", query.charAt(i), atKey.get(atKey.size() / 2)));
        }
        return line.toString();
    }

    private static List<Double> sum(List<Double> a, List<Double> b) {
        List<Double> both = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            both.add(a.get(i) + b.get(i));
        }
        return both;
    }

    private static void print(String name, List<Double> millis) {
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        double max = sorted[sorted.length - 1];
        System.out.printf("%-38s median %6.2f ms  max %6.2f ms  (%.0f%% / %.0f%% of the frame budget)%n",
                name, median, max, 100 * median / FRAME_BUDGET_MS, 100 * max / FRAME_BUDGET_MS);
    }

    /** Hosts like a large estate's: web/db/cache/k8s nodes over regions and stages, 40 groups. */
    static List<Host> generate(int count) {
        Random random = new Random(7);
        String[] roles = {"web", "db", "cache", "k8s-node", "mq", "search", "batch", "proxy"};
        String[] regions = {"eu-west", "eu-central", "us-east", "us-west", "ap-south"};
        String[] stages = {"prod", "staging", "dev", "qa"};
        List<Host> hosts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String role = roles[random.nextInt(roles.length)];
            String region = regions[random.nextInt(regions.length)];
            String stage = stages[random.nextInt(stages.length)];
            String alias = role + (i + 1) + (random.nextInt(4) == 0 ? "-" + region : "");
            String hostname = alias + "." + stage + "." + region + ".example.com";
            String group = random.nextInt(10) == 0 ? "" : stage + "-" + region + "-" + (i % 2);
            String description = random.nextInt(3) == 0 ? role + " server in " + region + ", rack " + random.nextInt(40) : "";
            hosts.add(new Host(alias, hostname, "deploy", 22, "", List.of(stage, role), group, description,
                    random.nextInt(200) == 0, false, Path.of("ssh_config"), i + 1));
        }
        return hosts;
    }
}
