package dev.jhosts.sources;

import dev.jhosts.catalog.Host;
import dev.jhosts.catalog.HostSource;
import dev.jhosts.config.Printable;
import dev.jhosts.config.SourceSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a source's host objects into hosts, treating every value as hostile: each one ends up
 * on ssh's command line ({@code -o HostName=...}) or on the screen. A value that ssh could read
 * as something else (an alias with a space, or starting with {@code -}, a user with shell
 * characters that a {@code ProxyCommand}'s {@code %r} would pass to a shell) refuses its host;
 * control characters in a group or description are shown escaped. Keys jhosts does not know are
 * ignored (inventories carry more than jhosts needs).
 */
final class HostObjects {
    static final int MAX_HOSTS = 100_000;
    static final int MAX_NAME = 255;
    static final int MAX_TEXT = 1_000;

    /** An alias: what is typed after {@code ssh}, so no '@' (a user), no ':' (ssh://), no pattern characters. */
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._+-]*");
    private static final Pattern HOSTNAME = Pattern.compile("[A-Za-z0-9_:][A-Za-z0-9._:-]*");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9_.][A-Za-z0-9._@-]*");
    /** One hop of a ProxyJump: [user@]host[:port], a bracketed IPv6 address, or an ssh:// URI. */
    private static final Pattern HOP = Pattern.compile(
            "(ssh://)?([A-Za-z0-9_.][A-Za-z0-9._-]*@)?([A-Za-z0-9_][A-Za-z0-9._-]*|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?");

    private final SourceSpec spec;
    private final String localUser;
    private final Set<String> seen = new HashSet<>();
    private final List<Host> hosts = new ArrayList<>();
    private int refused;
    private String firstRefusal = "";

    HostObjects(SourceSpec spec, String localUser) {
        this.spec = spec;
        this.localUser = localUser;
    }

    /** Thrown by a value that refuses its host. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Takes the {@code index}th (from 1) object of the output. */
    void add(int index, Object item) {
        if (hosts.size() >= MAX_HOSTS) {
            refuse(index, "more than " + MAX_HOSTS + " hosts");
            return;
        }
        try {
            if (!(item instanceof Map<?, ?> object)) {
                throw new Refused("not an object");
            }
            Host host = host(object);
            if (!seen.add(host.alias())) {
                throw new Refused("alias " + host.alias() + " is given twice");
            }
            hosts.add(host);
        } catch (Refused e) {
            refuse(index, e.getMessage());
        }
    }

    private void refuse(int index, String why) {
        if (refused == 0) {
            firstRefusal = "host " + index + ": " + why;
        }
        refused++;
    }

    List<Host> hosts() {
        return List.copyOf(hosts);
    }

    /** One line about the refused hosts, empty when there were none. */
    String refusals() {
        if (refused == 0) {
            return "";
        }
        return refused + (refused == 1 ? " host" : " hosts") + " refused (" + firstRefusal + ")";
    }

    private Host host(Map<?, ?> object) throws Refused {
        String alias = word(object, "alias", ALIAS);
        if (alias.isEmpty()) {
            throw new Refused("no alias");
        }
        String hostname = word(object, "hostname", HOSTNAME);
        String user = word(object, "user", USER);
        int port = port(object.get("port"));
        String proxyJump = proxyJump(object.get("proxyjump"));
        List<String> tags = tags(object.get("tags"));
        String group = text(object, "group");
        String description = text(object, "description");
        HostSource.Presence presence = presence(object.get("online"));
        HostSource source = new HostSource(spec.name(), presence, hostname, user, port);
        return new Host(alias, hostname.isEmpty() ? alias.toLowerCase(java.util.Locale.ROOT) : hostname,
                user.isEmpty() ? localUser : user, port == 0 ? 22 : port, proxyJump, tags, group, description,
                false, true, spec.file(), spec.line(), "", source);
    }

    /** A one-word value matching {@code shape}; empty when absent or null. */
    private static String word(Map<?, ?> object, String key, Pattern shape) throws Refused {
        Object value = object.get(key);
        if (value == null || value == JsonText.NULL) {
            return "";
        }
        if (!(value instanceof String text)) {
            throw new Refused(key + " must be a string");
        }
        if (text.isEmpty()) {
            return "";
        }
        if (text.length() > MAX_NAME) {
            throw new Refused(key + " is longer than " + MAX_NAME + " characters");
        }
        if (!shape.matcher(text).matches()) {
            throw new Refused(key + " " + Printable.quoted(shortened(text)) + " is not one word of letters, digits"
                    + " and " + allowed(key) + (text.startsWith("-") ? " (a leading '-' would be read as an option)" : ""));
        }
        return text;
    }

    private static String allowed(String key) {
        return switch (key) {
            case "alias" -> "'.', '_', '+', '-'";
            case "hostname" -> "'.', '_', ':', '-'";
            default -> "'.', '_', '@', '-'";
        };
    }

    private static int port(Object value) throws Refused {
        if (value == null || value == JsonText.NULL) {
            return 0;
        }
        BigDecimal number;
        if (value instanceof BigDecimal given) {
            number = given;
        } else if (value instanceof String text && text.matches("[0-9]{1,5}")) {
            number = new BigDecimal(text);
        } else {
            throw new Refused("port must be a number from 1 to 65535");
        }
        if (number.scale() > 0 && number.stripTrailingZeros().scale() > 0
                || number.compareTo(BigDecimal.ONE) < 0 || number.compareTo(BigDecimal.valueOf(65535)) > 0) {
            throw new Refused("port must be a number from 1 to 65535, got " + shortened(number.toPlainString()));
        }
        return number.intValueExact();
    }

    private static String proxyJump(Object value) throws Refused {
        if (value == null || value == JsonText.NULL) {
            return "";
        }
        if (!(value instanceof String text)) {
            throw new Refused("proxyjump must be a string");
        }
        if (text.isEmpty() || text.equals("none")) {
            return "";
        }
        if (text.length() > MAX_TEXT) {
            throw new Refused("proxyjump is longer than " + MAX_TEXT + " characters");
        }
        for (String hop : text.split(",", -1)) {
            if (!HOP.matcher(hop).matches()) {
                throw new Refused("proxyjump " + Printable.quoted(shortened(text))
                        + " is not a list of [user@]host[:port] separated by commas");
            }
        }
        return text;
    }

    private static List<String> tags(Object value) throws Refused {
        if (value == null || value == JsonText.NULL) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new Refused("tags must be a list of words");
        }
        if (list.size() > 256) {
            throw new Refused("more than 256 tags");
        }
        List<String> tags = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String tag) || tag.isEmpty() || tag.length() > MAX_NAME || tag.startsWith("-")
                    || Printable.hasControl(tag) || tag.chars().anyMatch(Character::isWhitespace)) {
                throw new Refused("tag " + (item instanceof String text ? Printable.quoted(shortened(text)) : "of another type")
                        + " is not one word (no spaces or control characters, not starting with '-')");
            }
            tags.add(tag);
        }
        return tags;
    }

    /** Free text: a string of at most {@link #MAX_TEXT} characters, control characters shown escaped. */
    private static String text(Map<?, ?> object, String key) throws Refused {
        Object value = object.get(key);
        if (value == null || value == JsonText.NULL) {
            return "";
        }
        if (!(value instanceof String text)) {
            throw new Refused(key + " must be a string");
        }
        if (text.length() > MAX_TEXT) {
            throw new Refused(key + " is longer than " + MAX_TEXT + " characters");
        }
        return Printable.escaped(text);
    }

    private static HostSource.Presence presence(Object value) throws Refused {
        if (value == null || value == JsonText.NULL) {
            return HostSource.Presence.UNKNOWN;
        }
        if (!(value instanceof Boolean online)) {
            throw new Refused("online must be true or false");
        }
        return online ? HostSource.Presence.ONLINE : HostSource.Presence.OFFLINE;
    }

    private static String shortened(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
