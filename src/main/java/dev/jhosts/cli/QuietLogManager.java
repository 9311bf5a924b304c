package dev.jhosts.cli;

import java.util.logging.LogManager;

/**
 * The java.util.logging manager of the jhosts process: it reads no configuration, so nothing is
 * logged anywhere (JLine logs through java.util.logging, and its console handler would write
 * over the picker) until {@code --debug} sets up the log file ({@link DebugLog}). It also
 * spares every start reading the JDK's logging and security configuration files, which JLine's
 * native library loader triggers before the first frame (≈4 ms). Installed by {@link
 * DebugLog#installQuietManager()}.
 */
public final class QuietLogManager extends LogManager {
    @Override
    public void readConfiguration() {
        // no configuration: see the class comment
    }
}
