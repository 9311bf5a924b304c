package dev.jhosts.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where jhosts' files live for a given environment (XDG base directories, HOME).
 *
 * @param home the user's home directory
 * @param settingsFile the default settings file
 * @param stateDirectory history and the debug log
 * @param defaultControlDirectory control sockets, unless the settings name another directory
 * @param userSshConfig the ssh config used without {@code -F}
 */
public record Locations(
        Path home, Path settingsFile, Path stateDirectory, Path defaultControlDirectory, Path userSshConfig) {

    /** Locations from the process environment. */
    public static Locations fromEnvironment() {
        return of(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** Locations from {@code env}; {@code home} stands in when HOME is unset. */
    public static Locations of(Map<String, String> env, Path home) {
        Path userHome = nonEmpty(env.get("HOME")) ? Path.of(env.get("HOME")) : home;
        Path config = nonEmpty(env.get("XDG_CONFIG_HOME"))
                ? Path.of(env.get("XDG_CONFIG_HOME")) : userHome.resolve(".config");
        Path state = nonEmpty(env.get("XDG_STATE_HOME"))
                ? Path.of(env.get("XDG_STATE_HOME")) : userHome.resolve(".local/state");
        Path control = nonEmpty(env.get("XDG_RUNTIME_DIR"))
                ? Path.of(env.get("XDG_RUNTIME_DIR"), "jhosts") : userHome.resolve(".ssh/jhosts");
        return new Locations(userHome,
                config.resolve("jhosts/jhosts.conf"),
                state.resolve("jhosts"),
                control,
                userHome.resolve(".ssh/config"));
    }

    private static boolean nonEmpty(String value) {
        return value != null && !value.isEmpty();
    }
}
