package dev.jhosts.demo;

import java.util.List;

/**
 * The demo's hosts: each is a server of its own on a free port of 127.0.0.1, and a Host block of
 * the demo's ssh config with {@code # jhosts:} notes (group, tags, description) that tell the
 * user what to try on it.
 */
enum DemoHost {
    QUICK("quick", Authentication.KEY, "Demo", List.of("demo", "fast"),
            "authenticates at once; Enter gives a shell through its master"),
    SLOW("slow", Authentication.SLOW_KEY, "Demo", List.of("demo", "slow"),
            "authentication takes 2 s: its master comes up in the background while you look"),
    PASSWORD("password", Authentication.PASSWORD, "Demo", List.of("demo", "password"),
            "password authentication, password %s: the background launch cannot ask; Enter asks in a dialog"),
    JUMP("jump", Authentication.KEY, "Jump hosts", List.of("demo", "jump"),
            "a jump host: it forwards only to the demo's own ports"),
    BEHIND_JUMP("behind-jump", Authentication.KEY, "Jump hosts", List.of("demo", "jump"),
            "reachable only through jump (ProxyJump jump)"),
    STUCK("stuck", Authentication.KEY, "Trouble", List.of("demo", "stuck"),
            "its master is frozen (SIGSTOP) %d s after it comes up: Tab, then c checks it and k kills it");

    /** How a host's server authenticates the user. */
    enum Authentication {
        /** The demo's user key, at once. */
        KEY,
        /** The demo's user key, after {@link DemoServer#SLOW_AUTHENTICATION}. */
        SLOW_KEY,
        /** A password the demo made up (shown in the host's description). */
        PASSWORD
    }

    private final String alias;
    private final Authentication authentication;
    private final String group;
    private final List<String> tags;
    private final String description;

    DemoHost(String alias, Authentication authentication, String group, List<String> tags, String description) {
        this.alias = alias;
        this.authentication = authentication;
        this.group = group;
        this.tags = List.copyOf(tags);
        this.description = description;
    }

    String alias() {
        return alias;
    }

    Authentication authentication() {
        return authentication;
    }

    String group() {
        return group;
    }

    List<String> tags() {
        return tags;
    }

    /** The description shown in the picker; {@code password} goes into the password host's. */
    String description(String password) {
        return switch (this) {
            case PASSWORD -> String.format(description, password);
            case STUCK -> String.format(description, StuckMasterFreezer.FREEZE_AFTER.toSeconds());
            default -> description;
        };
    }

    /** Whether only the jump host may connect to this host's server. */
    boolean onlyThroughJump() {
        return this == BEHIND_JUMP;
    }
}
