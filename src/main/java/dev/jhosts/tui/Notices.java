package dev.jhosts.tui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What a job of the whole jhosts has to say (a forward a new master refused), told to every
 * picker shown at the time, in its status line.
 */
public final class Notices {
    private final List<Consumer<String>> pickers = new CopyOnWriteArrayList<>();

    /** Tells {@code text} to every picker shown now (from any thread). */
    public void tell(String text) {
        pickers.forEach(picker -> picker.accept(text));
    }

    /** {@code picker} is told from now on; the result ends that. */
    Runnable subscribe(Consumer<String> picker) {
        pickers.add(picker);
        return () -> pickers.remove(picker);
    }
}
