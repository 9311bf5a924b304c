package dev.jhosts.tui;

import dev.jhosts.catalog.Host;
import dev.jhosts.catalog.HostEditor;
import dev.jhosts.tui.state.HostForm;
import java.io.IOException;
import java.util.List;

/**
 * The host form's way to the ssh config (and to the settings, for jhosts' own hosts): the same editor as {@code jhosts host add|edit}
 * ({@link HostEditor}), over the catalogue as it is when asked. Called off the UI thread.
 */
public interface HostEdits {
    /** Where host editing is not offered (the demo): every host says so. */
    HostEdits NONE = new HostEdits() {
        @Override
        public HostEditor.Block block(String alias) throws HostEditor.Refused {
            throw new HostEditor.Refused("hosts are not edited here");
        }

        @Override
        public Saved save(boolean adding, String alias, List<HostForm.Change> changes, boolean split)
                throws HostEditor.Refused {
            throw new HostEditor.Refused("hosts are not edited here");
        }
    };

    /** What was written, in one line for the status line, and the catalogue read again after it. */
    record Saved(String line, List<Host> hosts, List<String> warnings) {
        public Saved {
            hosts = List.copyOf(hosts);
            warnings = List.copyOf(warnings);
        }
    }

    /** The block that defines {@code alias}, with the form's keywords' values; refused with the command line's reason. */
    HostEditor.Block block(String alias) throws HostEditor.Refused, IOException;

    /** Adds or edits as {@code jhosts host add|edit} does; refused (nothing written) with its one line. */
    Saved save(boolean adding, String alias, List<HostForm.Change> changes, boolean split)
            throws HostEditor.Refused, IOException;
}
