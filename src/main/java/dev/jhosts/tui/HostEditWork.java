package dev.jhosts.tui;

import dev.jhosts.catalog.HostEditor;
import dev.jhosts.config.Printable;
import dev.jhosts.tui.state.Effect;
import dev.jhosts.tui.state.UiEvent;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Carries out the host form's effects on a thread of their own (the editor reads files and runs
 * {@code ssh -G}); the outcome comes back as events. A save that was written posts the catalogue
 * read again first ({@link UiEvent.CatalogueChanged}, the path the sources' hosts take), then
 * the line saying what was written.
 */
final class HostEditWork {
    private final HostEdits edits;
    private final Consumer<UiEvent> post;

    HostEditWork(HostEdits edits, Consumer<UiEvent> post) {
        this.edits = edits;
        this.post = post;
    }

    void read(Effect.ReadHostBlock read) {
        start("jhosts-host-read", () -> post.accept(blockRead(read.alias())));
    }

    void save(Effect.SaveHost save) {
        start("jhosts-host-save", () -> {
            try {
                HostEdits.Saved saved = edits.save(save.adding(), save.alias(), save.changes(), save.split());
                post.accept(new UiEvent.CatalogueChanged(saved.hosts(), saved.warnings()));
                post.accept(new UiEvent.HostSaved(Printable.escaped(saved.line())));
            } catch (HostEditor.Refused e) {
                post.accept(new UiEvent.HostNotSaved(Printable.escaped(e.getMessage())));
            } catch (IOException | RuntimeException e) {
                post.accept(new UiEvent.HostNotSaved("cannot write the ssh config, nothing changed: "
                        + Printable.escaped(String.valueOf(e.getMessage()))));
            }
        });
    }

    private UiEvent blockRead(String alias) {
        try {
            HostEditor.Block block = edits.block(alias);
            java.util.Map<String, String> values = new java.util.HashMap<>(block.values());
            values.put("Tags", String.join(",", block.tags()));
            values.put("Group", block.group());
            values.put("Description", block.description());
            return new UiEvent.HostBlockRead(alias, block.file() + ":" + block.line(), block.names(), values,
                    block.others(), "");
        } catch (HostEditor.Refused e) {
            return new UiEvent.HostBlockRead(alias, "", List.of(), java.util.Map.of(), List.of(),
                    Printable.escaped(e.getMessage()));
        } catch (IOException | RuntimeException e) {
            return new UiEvent.HostBlockRead(alias, "", List.of(), java.util.Map.of(), List.of(),
                    "cannot read its file: " + Printable.escaped(String.valueOf(e.getMessage())));
        }
    }

    private static void start(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }
}
