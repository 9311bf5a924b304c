package dev.jhosts.cli;

import dev.jhosts.config.Printable;
import dev.jhosts.config.SettingsException;
import dev.jhosts.config.SettingsLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether the settings file changed since the server read it. The server keeps the settings it
 * started with (its masters, keys and sessions are made of them); a changed file is checked at
 * once, and its error, with FILE:LINE, or the news that it applies to the next server, shown in
 * the pickers. A server with nothing to lose is replaced by a new one at the next picker.
 */
final class SettingsFreshness {
    private final Context context;
    private final Object readAs;
    private volatile boolean changedAndValid;
    private volatile Object lastTold;

    SettingsFreshness(Context context) {
        this.context = context;
        this.readAs = look(context.settingsFile());
        this.lastTold = readAs;
    }

    /** After a change of the watched files: what the pickers are told about the settings, once per change. */
    Optional<String> check() {
        Object now = look(context.settingsFile());
        if (now.equals(lastTold)) {
            return Optional.empty();
        }
        lastTold = now;
        if (now.equals(readAs)) {
            changedAndValid = false;
            return Optional.empty();
        }
        try {
            SettingsLoader loader = new SettingsLoader(context.locations());
            if (context.explicitSettingsFile()) {
                loader.loadExplicit(context.settingsFile());
            } else {
                loader.loadDefault();
            }
            changedAndValid = true;
            return Optional.of("the settings changed: they apply once this server's sessions are over");
        } catch (SettingsException e) {
            changedAndValid = false;
            return Optional.of(Printable.oneLine(e.getMessage()) + " (the previous settings stay)");
        }
    }

    /** Whether the file differs now from what the server read, readable or not. */
    boolean changedNow() {
        return !look(context.settingsFile()).equals(readAs);
    }

    boolean changedAndValid() {
        return changedAndValid;
    }

    private static Object look(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis() + ":" + Files.size(file) + ":"
                    + Files.readString(file).hashCode();
        } catch (IOException | RuntimeException missing) {
            return "missing";
        }
    }
}
