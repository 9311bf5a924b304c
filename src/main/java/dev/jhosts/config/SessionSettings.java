package dev.jhosts.config;

import java.time.Duration;
import dev.jhosts.session.RemoteSession;
import dev.jhosts.session.SessionKeys;
import dev.jhosts.tui.state.Keymap;
import java.util.Map;
import java.util.Objects;

/**
 * The picker's sessions.
 *
 * @param keys the keys a session gives up to jhosts: detach, next and previous session (the
 *     session table of {@link Settings#keys})
 * @param tmuxOpen inside tmux, what the tmux key opens the selected host in
 * @param remoteSession what an interactive session runs on the remote ({@code remote-session})
 * @param remoteSessionByHost by alias, the {@code remote-session} of entries of the {@code hosts}
 *     setting that set one
 * @param serverPersist how long the jhosts server stays once no terminal shows it and no session
 *     lives ({@code server-persist}); {@link #FOREVER} for until stopped
 */
public record SessionSettings(SessionKeys keys, TmuxOpen tmuxOpen, RemoteSession remoteSession,
        Map<String, RemoteSession> remoteSessionByHost, Duration serverPersist) {
    /** {@code server-persist = forever}. */
    public static final Duration FOREVER = Duration.ofSeconds(Long.MAX_VALUE);
    public static final Duration DEFAULT_SERVER_PERSIST = Duration.ofMinutes(10);

    /** Inside tmux: a new window, or a split of the current pane. */
    public enum TmuxOpen { WINDOW, SPLIT }

    public SessionSettings {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(tmuxOpen, "tmuxOpen");
        Objects.requireNonNull(remoteSession, "remoteSession");
        remoteSessionByHost = Map.copyOf(remoteSessionByHost);
        Objects.requireNonNull(serverPersist, "serverPersist");
    }

    /** As the canonical constructor, with the default server persistence. */
    public SessionSettings(SessionKeys keys, TmuxOpen tmuxOpen, RemoteSession remoteSession,
            Map<String, RemoteSession> remoteSessionByHost) {
        this(keys, tmuxOpen, remoteSession, remoteSessionByHost, DEFAULT_SERVER_PERSIST);
    }

    /** Sessions that run the login shell itself on every host. */
    public SessionSettings(SessionKeys keys, TmuxOpen tmuxOpen) {
        this(keys, tmuxOpen, RemoteSession.PLAIN, Map.of());
    }

    /** The {@code remote-session} for {@code alias}: its entry's in {@code hosts}, else the global one. */
    public RemoteSession remoteSessionFor(String alias) {
        return remoteSessionByHost.getOrDefault(alias, remoteSession);
    }

    public static SessionSettings defaults() {
        return new SessionSettings(Keymap.defaults().session(), TmuxOpen.WINDOW);
    }
}
