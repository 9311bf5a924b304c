package dev.jhosts.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.jhosts.mux.Forward;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads settings: the {@link Defaults} (documented in {@code reference.conf}), the user's file on top. Keys in the
 * user's file stand at the top level (a {@code jhosts { }} block around them is accepted too).
 * Every problem becomes a {@link SettingsException} naming the file and line.
 */
public final class SettingsLoader {
    private static final String ROOT = "jhosts";
    private static final Set<String> HOST_ENTRY_KEYS =
            Set.of("alias", "name", "hostname", "user", "port", "tags", "group", "description", "favourite");

    private final Locations locations;

    public SettingsLoader(Locations locations) {
        this.locations = locations;
    }

    /** Settings from {@code file}, which must exist (the {@code -c} option). */
    public Settings loadExplicit(Path file) throws SettingsException {
        if (!Files.isRegularFile(file)) {
            throw new SettingsException(file, 0, Files.exists(file) ? "not a regular file" : "no such file", null);
        }
        return load(file);
    }

    /** Settings from the default file when it exists, else the defaults alone. */
    public Settings loadDefault() throws SettingsException {
        Path file = locations.settingsFile();
        return Files.exists(file) ? loadExplicit(file) : Defaults.settings(locations.defaultControlDirectory());
    }

    private Settings load(Path file) throws SettingsException {
        if (!Files.isReadable(file)) {
            throw new SettingsException(file, 0, "cannot be read", null);
        }
        Config user;
        try {
            user = ConfigFactory.parseFile(file.toFile(),
                    ConfigParseOptions.defaults().setAllowMissing(false).setSyntax(ConfigSyntax.CONF));
        } catch (ConfigException e) {
            throw new SettingsException(file, lineOf(e.origin()), withoutOrigin(e), e);
        }
        Config scoped = isWrapped(user) ? user : user.atPath(ROOT);
        rejectUnknownKeys(scoped, file);
        Config merged;
        try {
            merged = scoped.withFallback(Defaults.config(ROOT)).resolve();
        } catch (ConfigException e) {
            throw new SettingsException(file, lineOf(e.origin()), withoutOrigin(e), e);
        }
        return fromConfig(merged, file);
    }

    /** Whether a path of the user's file names one of the {@code known} settings. */
    private static boolean isKnown(String path, Set<String> known) {
        return path.startsWith(ROOT + ".") && known.contains(path.substring(ROOT.length() + 1));
    }

    private static boolean isWrapped(Config user) {
        return user.root().size() == 1 && user.root().get(ROOT) instanceof ConfigObject;
    }

    private static void rejectUnknownKeys(Config user, Path file) throws SettingsException {
        Set<String> known = Defaults.keys();
        for (Map.Entry<String, ConfigValue> entry : user.entrySet()) {
            if (!isKnown(entry.getKey(), known)) {
                String first = key(entry.getKey()).split("\\.", 2)[0];
                String what = known.contains(first)
                        ? first + ": expected " + (first.equals("forwards")
                                ? "a list: forwards = [ { host = ALIAS, open = [\"-L 8080:db:5432\"] } ]"
                                : "a value, not an object")
                        : "unknown key '" + key(entry.getKey()) + "'";
                throw new SettingsException(file, lineOf(entry.getValue().origin()), what, null);
            }
        }
    }

    private Settings fromConfig(Config config, Path file) throws SettingsException {
        Reader reader = new Reader(config, file);
        String controlDirectory = reader.string("control-directory");
        Path control = controlDirectory.isEmpty()
                ? locations.defaultControlDirectory()
                : expandHome(controlDirectory);
        return new Settings(
                reader.nonEmptyString("ssh-binary"),
                control,
                reader.duration("control-persist"),
                reader.positiveDuration("connect-timeout"),
                reader.duration("server-alive-interval"),
                reader.positiveInt("server-alive-count-max"),
                reader.positiveInt("max-parallel-launches"),
                reader.positiveDuration("alive-check-timeout"),
                reader.duration("kill-grace"),
                reader.escapeChar("escape-char"),
                reader.duration("prelaunch-delay"),
                reader.stringList("prelaunch"),
                reader.onSessionEnd("on-session-end"),
                reader.hostEntries("hosts"),
                new ProbeSettings(
                        reader.onOff("probes"),
                        reader.positiveInt("probe-parallelism"),
                        reader.positiveDuration("probe-interval"),
                        reader.positiveDuration("probe-timeout")),
                reader.forwards("forwards"),
                new RunSettings(
                        reader.positiveInt("run-parallelism"),
                        reader.duration("run-timeout"),
                        reader.onOff("run-hangup")));
    }

    private Path expandHome(String path) {
        if (path.equals("~")) {
            return locations.home();
        }
        return path.startsWith("~/") ? locations.home().resolve(path.substring(2)) : Path.of(path);
    }

    private static int lineOf(ConfigOrigin origin) {
        return origin == null ? 0 : Math.max(origin.lineNumber(), 0);
    }

    /** Typesafe Config prefixes messages with the origin; the caller prints its own. */
    private static String withoutOrigin(ConfigException e) {
        String message = e.getMessage();
        if (e.origin() != null) {
            String prefix = e.origin().description() + ": ";
            if (message.startsWith(prefix)) {
                message = message.substring(prefix.length());
            }
        }
        return message.replace(ROOT + ".", "");
    }

    private static String key(String path) {
        return path.startsWith(ROOT + ".") ? path.substring(ROOT.length() + 1) : path;
    }

    /** Typed reads that turn every problem into a {@link SettingsException} at the value's line. */
    private static final class Reader {
        private final Config config;
        private final Path file;

        Reader(Config config, Path file) {
            this.config = config;
            this.file = file;
        }

        private ConfigValue value(String key) {
            return config.getValue(ROOT + "." + key);
        }

        private SettingsException problem(String key, String what) {
            return problemAt(value(key).origin(), key + ": " + what);
        }

        private SettingsException problemAt(ConfigOrigin origin, String what) {
            return new SettingsException(file, lineOf(origin), what, null);
        }

        String string(String key) throws SettingsException {
            ConfigValue value = value(key);
            if (value.valueType() != ConfigValueType.STRING) {
                throw problem(key, "expected a string, got " + describe(value));
            }
            return (String) value.unwrapped();
        }

        String nonEmptyString(String key) throws SettingsException {
            String text = string(key);
            if (text.isBlank()) {
                throw problem(key, "must not be empty");
            }
            return text;
        }

        Duration duration(String key) throws SettingsException {
            try {
                Duration duration = config.getDuration(ROOT + "." + key);
                if (duration.isNegative()) {
                    throw problem(key, "must not be negative");
                }
                return duration;
            } catch (ConfigException e) {
                throw problem(key, "expected a duration such as 750ms, 10s or 5m, got " + describe(value(key)));
            }
        }

        Duration positiveDuration(String key) throws SettingsException {
            Duration duration = duration(key);
            if (duration.isZero()) {
                throw problem(key, "must be more than zero");
            }
            return duration;
        }

        boolean onOff(String key) throws SettingsException {
            try {
                return config.getBoolean(ROOT + "." + key);
            } catch (ConfigException e) {
                throw problem(key, "expected on or off, got " + describe(value(key)));
            }
        }

        int positiveInt(String key) throws SettingsException {
            ConfigValue value = value(key);
            if (value.valueType() != ConfigValueType.NUMBER || !(value.unwrapped() instanceof Integer)) {
                throw problem(key, "expected a whole number, got " + describe(value));
            }
            int number = (Integer) value.unwrapped();
            if (number < 1) {
                throw problem(key, "must be at least 1, got " + number);
            }
            return number;
        }

        List<String> stringList(String key) throws SettingsException {
            ConfigValue value = value(key);
            if (!(value instanceof ConfigList list)) {
                throw problem(key, "expected a list of strings, got " + describe(value));
            }
            return strings(key, list);
        }

        private List<String> strings(String key, ConfigList list) throws SettingsException {
            List<String> strings = new ArrayList<>();
            for (ConfigValue item : list) {
                if (item.valueType() != ConfigValueType.STRING && item.valueType() != ConfigValueType.NUMBER) {
                    throw problemAt(item.origin(), key + ": expected a string, got " + describe(item));
                }
                strings.add(String.valueOf(item.unwrapped()));
            }
            return strings;
        }

        int escapeChar(String key) throws SettingsException {
            String text = string(key);
            if (text.equalsIgnoreCase("none")) {
                return -1;
            }
            if (text.length() == 2 && text.charAt(0) == '^') {
                char control = Character.toUpperCase(text.charAt(1));
                if (control >= '@' && control <= '_') {
                    return control & 0x1f;
                }
            }
            if (text.length() == 1 && text.charAt(0) < 0x80) {
                return text.charAt(0);
            }
            throw problem(key, "expected one ASCII character, ^X, or \"none\", got '" + text + "'");
        }

        Settings.OnSessionEnd onSessionEnd(String key) throws SettingsException {
            String text = string(key);
            try {
                return Settings.OnSessionEnd.valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw problem(key, "expected list or exit, got '" + text + "'");
            }
        }

        List<HostEntry> hostEntries(String key) throws SettingsException {
            ConfigValue value = value(key);
            if (!(value instanceof ConfigList list)) {
                throw problem(key, "expected a list of host entries, got " + describe(value));
            }
            List<HostEntry> entries = new ArrayList<>();
            for (ConfigValue item : list) {
                if (!(item instanceof ConfigObject object)) {
                    throw problemAt(item.origin(), key + ": expected an entry { alias = ..., ... }, got " + describe(item));
                }
                entries.add(hostEntry(object));
            }
            return entries;
        }

        private HostEntry hostEntry(ConfigObject object) throws SettingsException {
            for (Map.Entry<String, ConfigValue> field : object.entrySet()) {
                if (!HOST_ENTRY_KEYS.contains(field.getKey())) {
                    throw problemAt(field.getValue().origin(), "hosts: unknown key '" + field.getKey()
                            + "' (known: alias, hostname, user, port, tags, group, description, favourite)");
                }
            }
            if (object.containsKey("alias") && object.containsKey("name")) {
                throw problemAt(object.origin(), "hosts: an entry has both alias and name");
            }
            String alias = field(object, object.containsKey("name") ? "name" : "alias");
            if (alias.isEmpty()) {
                throw problemAt(object.origin(), "hosts: an entry needs an alias");
            }
            if (alias.chars().anyMatch(c -> Character.isWhitespace(c) || c == '*' || c == '?' || c == '!')) {
                throw problemAt(object.get(object.containsKey("name") ? "name" : "alias").origin(),
                        "hosts: alias '" + alias + "' must be a plain name (no spaces or patterns)");
            }
            int port = 0;
            ConfigValue portValue = object.get("port");
            if (portValue != null) {
                if (!(portValue.unwrapped() instanceof Integer number) || number < 1 || number > 65535) {
                    throw problemAt(portValue.origin(), "hosts: port must be a number from 1 to 65535, got "
                            + describe(portValue));
                }
                port = number;
            }
            List<String> tags = List.of();
            ConfigValue tagsValue = object.get("tags");
            if (tagsValue != null) {
                if (!(tagsValue instanceof ConfigList tagList)) {
                    throw problemAt(tagsValue.origin(), "hosts: tags must be a list, got " + describe(tagsValue));
                }
                tags = strings("hosts: tags", tagList);
            }
            boolean favourite = false;
            ConfigValue favouriteValue = object.get("favourite");
            if (favouriteValue != null) {
                if (favouriteValue.valueType() != ConfigValueType.BOOLEAN) {
                    throw problemAt(favouriteValue.origin(), "hosts: favourite must be true or false, got "
                            + describe(favouriteValue));
                }
                favourite = (Boolean) favouriteValue.unwrapped();
            }
            return new HostEntry(alias, field(object, "hostname"), field(object, "user"), port, tags,
                    field(object, "group"), field(object, "description"), favourite, file,
                    lineOf(object.origin()));
        }

        /**
         * {@code [ { host = ALIAS, open = ["-L 8080:db:5432", ...] }, ... ]}: each spec in ssh's
         * own syntax, checked now so that a bad one is reported at its line, not at a launch.
         */
        Map<String, List<Forward>> forwards(String key) throws SettingsException {
            ConfigValue value = value(key);
            if (!(value instanceof ConfigList list)) {
                throw problem(key, "expected a list of { host = ALIAS, open = [\"-L 8080:db:5432\"] }, got "
                        + describe(value));
            }
            Map<String, List<Forward>> byHost = new LinkedHashMap<>();
            for (ConfigValue item : list) {
                if (!(item instanceof ConfigObject object)) {
                    throw problemAt(item.origin(), key + ": expected { host = ALIAS, open = [...] }, got " + describe(item));
                }
                for (Map.Entry<String, ConfigValue> field : object.entrySet()) {
                    if (!field.getKey().equals("host") && !field.getKey().equals("open")) {
                        throw problemAt(field.getValue().origin(), key + ": unknown key '" + field.getKey()
                                + "' (known: host, open)");
                    }
                }
                ConfigValue host = object.get("host");
                if (host == null || host.valueType() != ConfigValueType.STRING || ((String) host.unwrapped()).isBlank()) {
                    throw problemAt(object.origin(), key + ": an entry needs host = ALIAS");
                }
                ConfigValue open = object.get("open");
                if (!(open instanceof ConfigList specs)) {
                    throw problemAt(object.origin(), key + ": an entry needs open = [\"-L 8080:db:5432\", ...]");
                }
                List<Forward> forwards = byHost.computeIfAbsent((String) host.unwrapped(), alias -> new ArrayList<>());
                for (ConfigValue spec : specs) {
                    if (spec.valueType() != ConfigValueType.STRING) {
                        throw problemAt(spec.origin(), key + ": expected a string such as \"-L 8080:db:5432\", got "
                                + describe(spec));
                    }
                    try {
                        forwards.add(Forward.parseOption((String) spec.unwrapped()));
                    } catch (IllegalArgumentException e) {
                        throw problemAt(spec.origin(), key + ": " + e.getMessage());
                    }
                }
            }
            byHost.replaceAll((alias, forwards) -> List.copyOf(forwards));
            return byHost;
        }

        private String field(ConfigObject object, String name) throws SettingsException {
            ConfigValue value = object.get(name);
            if (value == null) {
                return "";
            }
            if (value.valueType() != ConfigValueType.STRING && value.valueType() != ConfigValueType.NUMBER) {
                throw problemAt(value.origin(), "hosts: " + name + " must be a string, got " + describe(value));
            }
            return String.valueOf(value.unwrapped());
        }

        private static String describe(ConfigValue value) {
            return switch (value.valueType()) {
                case STRING -> "'" + value.unwrapped() + "'";
                case NULL -> "null";
                case OBJECT -> "an object";
                case LIST -> "a list";
                default -> value.render();
            };
        }
    }
}
