package dev.jhosts.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.jhosts.mux.Forward;
import dev.jhosts.session.RemoteSession;
import dev.jhosts.session.SessionKey;
import dev.jhosts.tui.state.Key;
import dev.jhosts.tui.state.KeyAction;
import dev.jhosts.tui.state.KeyMode;
import dev.jhosts.tui.state.KeyNames;
import dev.jhosts.tui.state.Keymap;
import dev.jhosts.tui.state.SessionAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads settings: the {@link Defaults} (documented in {@code reference.conf}), the user's file on top. Keys in the
 * user's file stand at the top level (a {@code jhosts { }} block around them is accepted too).
 * Every problem becomes a {@link SettingsException} naming the file and line; every value is
 * checked against the range {@code reference.conf} gives for it, so that nothing later has to
 * cope with a timeout of 200,000 days (whose nanoseconds overflow a {@code long}).
 */
public final class SettingsLoader {
    private static final String ROOT = "jhosts";
    private static final String KEYS = "keys";
    /** Settings that moved into the keys block: the old name is refused with the new one. */
    /** The settings of earlier versions for a session's keys, now keys.session's actions. */
    private static final Map<String, SessionAction> EARLIER_SESSION_KEYS = Map.of("detach-key", SessionAction.DETACH,
            "next-session-key", SessionAction.NEXT_SESSION, "previous-session-key", SessionAction.PREVIOUS_SESSION);
    private static final Set<String> HOST_ENTRY_KEYS =
            Set.of("alias", "name", "hostname", "user", "port", "tags", "group", "description", "favourite",
                    "remote-session");

    /**
     * The longest control directory whose sockets OpenSSH can bind: a socket is the directory, a
     * slash and 40 hex digits ({@code %C}), and a ControlPath over 90 bytes fails after
     * authentication (the master binds a name 17 bytes longer first; Linux's sun_path is 108).
     */
    static final int MAX_CONTROL_DIRECTORY_BYTES = 90 - 1 - 40;
    static final int MAX_PRELAUNCH = 1_000;
    static final int MAX_HOST_ENTRIES = 100_000;
    static final int MAX_NAME_LENGTH = 255;
    static final int MAX_TEXT_LENGTH = 1_000;
    static final int MAX_PATH_LENGTH = 4_096;
    static final int MAX_SOURCES = 64;
    private static final String REMOTE_SESSION_WORDS = "plain, tmux, screen or auto";
    private static final Set<String> SOURCE_KEYS = Set.of("name", "type", "command", "refresh", "timeout");

    private final Locations locations;

    public SettingsLoader(Locations locations) {
        this.locations = locations;
    }

    /** Settings from {@code file}, which must exist (the {@code -c} option). */
    public Settings loadExplicit(Path file) throws SettingsException {
        return load(SettingsFile.read(file));
    }

    /**
     * Settings from {@code text} read as the content of {@code file} (its includes and relative
     * paths from there, its errors naming it): an edit checked before it replaces the file.
     */
    public Settings loadText(Path file, String text) throws SettingsException {
        return load(new SettingsFile(file, text));
    }

    /** Settings from the default file when it exists, else the defaults alone. */
    public Settings loadDefault() throws SettingsException {
        Path file = locations.settingsFile();
        return Files.exists(file) ? loadExplicit(file) : Defaults.settings(locations.defaultControlDirectory());
    }

    private Settings load(SettingsFile source) throws SettingsException {
        Path file = source.path();
        TextLimits limits = new TextLimits();
        SettingsOutline outline = limits.check(file, source.text());
        try {
            // the text that was checked, not the file read again (it may have changed since)
            Config parsed = ConfigFactory.parseString(source.text(), SettingsIncluder.optionsFor(source, outline, limits));
            limits.checkExpansion();
            // Resolved before it is scoped under ROOT: a substitution such as the ${?prelaunch}
            // that "prelaunch += x" stands for names a key as the file writes it.
            Config user = parsed.resolve();
            Config scoped = isWrapped(user) ? user : user.atPath(ROOT);
            rejectUnknownKeys(scoped, file);
            Config merged = scoped.withFallback(Defaults.config(ROOT));
            return fromConfig(merged, file);
        } catch (SettingsIncluder.Refused e) {
            throw e.problem();
        } catch (ConfigException e) {
            throw new SettingsException(fileOf(e.origin(), file), lineOf(e.origin()), withoutOrigin(e), e);
        } catch (StackOverflowError e) {
            // TextLimits bounds what it can see in the text; this is the net under it
            throw limits.tooDeep(file);
        }
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
        List<Map.Entry<String, ConfigValue>> unknown = new ArrayList<>();
        for (Map.Entry<String, ConfigValue> entry : user.entrySet()) {
            // the keys block's modes, actions and key names are checked as it is read (Reader.keymap)
            // the session keys' settings of earlier versions are still read (Reader.keymap)
            if (!isKnown(entry.getKey(), known) && !entry.getKey().startsWith(ROOT + "." + KEYS + ".")
                    && !EARLIER_SESSION_KEYS.containsKey(key(entry.getKey()))) {
                unknown.add(entry);
            }
        }
        // the first in the file, not the first in a hash map's order
        Optional<Map.Entry<String, ConfigValue>> first = unknown.stream()
                .min(Comparator.comparingInt(entry -> lineOf(entry.getValue().origin())));
        if (first.isPresent()) {
            String key = key(first.get().getKey());
            ConfigOrigin origin = first.get().getValue().origin();
            String setting = key.split("\\.", 2)[0];
            if (known.contains(setting)) {
                // a known setting written as an object: forwards = { db = [...] }
                throw new SettingsException(fileOf(origin, file), lineOf(origin), setting + ": expected "
                        + (setting.equals("forwards") ? "a list: forwards = [ { host = ALIAS, open = [\"-L 8080:db:5432\"] } ]"
                                : "a value, not an object"), null);
            }
            throw new SettingsException(fileOf(origin, file), lineOf(origin),
                    "unknown key " + Printable.quoted(shortened(key)) + suggestion(key, known), null);
        }
    }

    /** "(did you mean 'x'?)" for a near miss, else where the keys are listed. */
    private static String suggestion(String key, Set<String> known) {
        String leaf = key.contains(".") ? key.substring(key.lastIndexOf('.') + 1) : key;
        return known.stream()
                .filter(candidate -> distance(leaf, candidate) <= Math.max(2, candidate.length() / 4))
                .min(Comparator.comparingInt((String candidate) -> distance(leaf, candidate)).thenComparing(c -> c))
                .map(candidate -> " (did you mean '" + candidate + "'?)")
                .orElse(" (the settings are listed in jhosts(1), SETTINGS, and in reference.conf)");
    }

    /** Levenshtein distance, bounded in cost by the short strings it is used on. */
    private static int distance(String a, String b) {
        if (a.length() > 64 || b.length() > 64) {
            return Integer.MAX_VALUE;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private Settings fromConfig(Config config, Path file) throws SettingsException {
        Reader reader = new Reader(config, file);
        int escapeChar = reader.escapeChar("escape-char");
        Keymap keys = reader.keymap("keys", escapeChar);
        return new Settings(
                reader.command("ssh-binary"),
                controlDirectory(reader, file),
                reader.duration("control-persist", DurationRange.zeroOr(Duration.ofSeconds(1), Duration.ofDays(30))),
                reader.duration("connect-timeout", DurationRange.of(Duration.ofSeconds(1), Duration.ofMinutes(10))),
                reader.duration("server-alive-interval", DurationRange.zeroOr(Duration.ofSeconds(1), Duration.ofHours(1))),
                reader.wholeNumber("server-alive-count-max", 1, 100),
                reader.wholeNumber("max-parallel-launches", 1, 64),
                reader.duration("alive-check-timeout", DurationRange.of(Duration.ofMillis(100), Duration.ofMinutes(1))),
                reader.duration("kill-grace", DurationRange.of(Duration.ZERO, Duration.ofMinutes(1))),
                escapeChar,
                reader.duration("escape-timeout",
                        DurationRange.of(Settings.MIN_ESCAPE_TIMEOUT, Settings.MAX_ESCAPE_TIMEOUT)),
                reader.duration("prelaunch-delay", DurationRange.of(Duration.ZERO, Duration.ofMinutes(1))),
                reader.aliases("prelaunch"),
                reader.oneOf("on-session-end", Settings.OnSessionEnd.class, "list or exit"),
                reader.hostEntries("hosts"),
                new ProbeSettings(
                        reader.onOff("probes"),
                        reader.wholeNumber("probe-parallelism", 1, 64),
                        reader.duration("probe-interval", DurationRange.of(Duration.ofSeconds(1), Duration.ofDays(1))),
                        reader.duration("probe-timeout", DurationRange.of(Duration.ofMillis(100), Duration.ofMinutes(5)))),
                new PromptSettings(reader.aliases("ask-at-start"), reader.passwordCommands("password-commands")),
                reader.forwards("forwards"),
                new RunSettings(
                        reader.wholeNumber("run-parallelism", 1, 256),
                        reader.duration("run-timeout", DurationRange.zeroOr(Duration.ofSeconds(1), Duration.ofDays(1))),
                        reader.onOff("run-hangup")),
                new SessionSettings(keys.session(),
                        reader.oneOf("tmux-open", SessionSettings.TmuxOpen.class, "window or split"),
                        reader.oneOf("remote-session", RemoteSession.class, REMOTE_SESSION_WORDS),
                        reader.remoteSessionByHost("hosts"),
                        serverPersist(reader)),
                newHostsFile(reader),
                reader.sources("sources"),
                keys);
    }

    /** {@code server-persist}: a duration (0 ends the server at once when idle), or {@code forever}. */
    private static Duration serverPersist(Reader reader) throws SettingsException {
        if (reader.isWord("server-persist", "forever")) {
            return SessionSettings.FOREVER;
        }
        return reader.duration("server-persist", DurationRange.zeroOr(Duration.ofSeconds(1), Duration.ofDays(30)));
    }

    /** {@code new-hosts-file}: empty for the ssh config itself; {@code ~/} and relative paths as for control-directory. */
    private Path newHostsFile(Reader reader) throws SettingsException {
        String text = reader.string("new-hosts-file");
        return text.isEmpty() ? Path.of("") : settingPath(reader, "new-hosts-file", text);
    }

    /**
     * The control directory: empty means the default; {@code ~} is the home directory; a
     * relative path is taken from the directory of the settings file that sets it (not from
     * wherever jhosts happens to be started).
     */
    private Path controlDirectory(Reader reader, Path file) throws SettingsException {
        String text = reader.string("control-directory");
        if (text.isEmpty()) {
            return locations.defaultControlDirectory();
        }
        Path path = settingPath(reader, "control-directory", text);
        int bytes = path.toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_CONTROL_DIRECTORY_BYTES) {
            throw reader.problem("control-directory", path + " is " + bytes + " bytes; at most "
                    + MAX_CONTROL_DIRECTORY_BYTES + " leave room for a socket name within OpenSSH's 90-byte "
                    + "ControlPath limit: choose a shorter directory");
        }
        return path;
    }

    /**
     * A path setting: {@code ~} is the home directory; a relative path is taken from the
     * directory of the settings file that sets it (not from wherever jhosts happens to be started).
     */
    private Path settingPath(Reader reader, String key, String text) throws SettingsException {
        if (Printable.hasControl(text) || text.indexOf('\0') >= 0) {
            throw reader.problem(key, "must not contain control characters, got " + Printable.quoted(shortened(text)));
        }
        Path path;
        if (text.equals("~")) {
            path = locations.home();
        } else if (text.startsWith("~/")) {
            path = locations.home().resolve(text.substring(2));
        } else {
            path = Path.of(text);
            if (!path.isAbsolute()) {
                Path settingsFile = reader.fileOf(key).toAbsolutePath();
                Path base = settingsFile.getParent() == null ? Path.of("/") : settingsFile.getParent();
                path = base.resolve(path);
            }
        }
        return path.normalize();
    }

    private static int lineOf(ConfigOrigin origin) {
        return origin == null ? 0 : Math.max(origin.lineNumber(), 0);
    }

    /**
     * The file a value or an error comes from: an included file, else {@code file}. Each file is
     * parsed from the text that was checked, under its path as the origin's description ({@code
     * PATH: LINE}, {@code PATH: LINE-LINE}); an included file's path is absolute, and a value
     * merged from several files ({@code merge of …}) is put down to {@code file}.
     */
    private static Path fileOf(ConfigOrigin origin, Path file) {
        if (origin == null) {
            return file;
        }
        if (origin.filename() != null) {
            Path named = Path.of(origin.filename());
            return named.equals(file.toAbsolutePath()) ? file : named;
        }
        String described = origin.lineNumber() < 0 ? origin.description()
                : origin.description().replaceFirst(": [0-9]+(-[0-9]+)?$", "");
        return !described.equals(file.toString()) && described.startsWith("/") ? Path.of(described) : file;
    }

    /** Typesafe Config prefixes messages with the origin; the caller prints its own. One line. */
    private static String withoutOrigin(ConfigException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e.origin() != null) {
            String prefix = e.origin().description() + ": ";
            if (message.startsWith(prefix)) {
                message = message.substring(prefix.length());
            }
        }
        // its hint repeats the token and suggests renaming the file .properties
        message = message.replaceFirst(" \\(if you intended .*$", " (to keep it in a value, put the value in double quotes)");
        return Printable.escaped(message.replace(ROOT + ".", ""));
    }

    /** Text quoted from the file, at most 80 characters of it (a key may be megabytes long). */
    private static String shortened(String text) {
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    private static String key(String path) {
        return path.startsWith(ROOT + ".") ? path.substring(ROOT.length() + 1) : path;
    }

    /**
     * Where a duration may lie.
     *
     * @param zeroMeansOff whether 0 is allowed as well ("off", "until stopped") below {@code min}
     */
    record DurationRange(Duration min, Duration max, boolean zeroMeansOff) {
        static DurationRange of(Duration min, Duration max) {
            return new DurationRange(min, max, false);
        }

        static DurationRange zeroOr(Duration min, Duration max) {
            return new DurationRange(min, max, true);
        }

        boolean contains(Duration duration) {
            return duration.isZero() && zeroMeansOff || duration.compareTo(min) >= 0 && duration.compareTo(max) <= 0;
        }

        String describe() {
            return (zeroMeansOff ? "0, or " : "") + "from " + written(min) + " to " + written(max);
        }
    }

    /** A duration as a settings file would write it, in the largest unit that is exact. */
    static String written(Duration duration) {
        long millis = duration.toMillis();
        if (millis == 0) {
            return "0";
        }
        long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (millis % sizes[i] == 0) {
                return millis / sizes[i] + units[i];
            }
        }
        return millis + "ms";
    }

    /** Typed reads that turn every problem into a {@link SettingsException} at the value's line. */
    private static final class Reader {
        private final ConfigObject settings;
        private final Path file;

        Reader(Config config, Path file) {
            this.settings = config.getObject(ROOT);
            this.file = file;
        }

        /** The value, null included (which {@code Config.getValue} refuses to return). */
        private ConfigValue value(String key) {
            return settings.get(key);
        }

        Path fileOf(String key) {
            return SettingsLoader.fileOf(value(key).origin(), file);
        }

        SettingsException problem(String key, String what) {
            return problemAt(value(key).origin(), key + ": " + what);
        }

        private SettingsException problemAt(ConfigOrigin origin, String what) {
            return new SettingsException(SettingsLoader.fileOf(origin, file), lineOf(origin), what, null);
        }

        String string(String key) throws SettingsException {
            ConfigValue value = value(key);
            if (value.valueType() != ConfigValueType.STRING) {
                throw problem(key, "expected a string, got " + describe(value));
            }
            return (String) value.unwrapped();
        }

        /** A program to run: not empty, no control characters, of a path's length. */
        String command(String key) throws SettingsException {
            String text = string(key);
            if (text.isBlank()) {
                throw problem(key, "must not be empty (the default is \"ssh\")");
            }
            if (Printable.hasControl(text) || text.length() > MAX_PATH_LENGTH) {
                throw problem(key, "expected a program name or path, got " + Printable.quoted(shortened(text)));
            }
            return text;
        }

        Duration duration(String key, DurationRange range) throws SettingsException {
            ConfigValue value = value(key);
            Duration duration = asDuration(settings, key)
                    .orElseThrow(() -> problem(key, "expected a duration such as 750ms, 10s or 5m, got " + describe(value)));
            if (!range.contains(duration)) {
                String hint = value.valueType() == ConfigValueType.NUMBER
                        ? " (a number alone means milliseconds: write a unit, such as 10s)" : "";
                throw problem(key, "must be " + range.describe() + ", got " + describe(value) + hint);
            }
            return duration;
        }

        /** Whether {@code key} is the string {@code word} (for a value that is a word or something else). */
        boolean isWord(String key, String word) throws SettingsException {
            ConfigValue value = value(key);
            return value.valueType() == ConfigValueType.STRING && word.equals(value.unwrapped());
        }

        boolean onOff(String key) throws SettingsException {
            try {
                return settings.toConfig().getBoolean(key);
            } catch (ConfigException e) {
                throw problem(key, "expected on or off, got " + describe(value(key)));
            }
        }

        int wholeNumber(String key, int min, int max) throws SettingsException {
            ConfigValue value = value(key);
            if (value.valueType() != ConfigValueType.NUMBER || !(value.unwrapped() instanceof Integer)) {
                throw problem(key, "expected a whole number, got " + describe(value));
            }
            int number = (Integer) value.unwrapped();
            if (number < min || number > max) {
                throw problem(key, "must be from " + min + " to " + max + ", got " + number);
            }
            return number;
        }

        /** A list of host aliases, each a plain name. */
        List<String> aliases(String key) throws SettingsException {
            ConfigValue value = value(key);
            if (!(value instanceof ConfigList list)) {
                throw problem(key, "expected a list of host aliases, got " + describe(value));
            }
            if (list.size() > MAX_PRELAUNCH) {
                throw problem(key, "at most " + MAX_PRELAUNCH + " hosts, got " + list.size());
            }
            List<String> aliases = strings(key, list);
            for (int i = 0; i < aliases.size(); i++) {
                String problem = nameProblem(aliases.get(i));
                if (problem != null) {
                    throw problemAt(list.get(i).origin(), key + ": " + Printable.quoted(shortened(aliases.get(i)))
                            + " " + problem);
                }
            }
            return aliases;
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
            if (text.length() == 1 && text.charAt(0) >= 0x20 && text.charAt(0) < 0x7f) {
                return text.charAt(0);
            }
            throw problem(key, "expected one ASCII character, ^X, or \"none\", got " + Printable.quoted(shortened(text)));
        }

        /**
         * The key bindings: {@code keys { MODE { ACTION = [KEY, ...] } }}, each action's keys
         * replacing its defaults (a string for one key, [] for none); a session's actions take
         * one key. Read in the file's order, so that a clash is reported at the later binding.
         */
        Keymap keymap(String key, int escapeChar) throws SettingsException {
            ConfigValue value = value(key);
            if (!(value instanceof ConfigObject modes)) {
                throw problem(key, "expected a block: keys { list { connect = [Enter, \"C-o\"] } }, got " + describe(value));
            }
            Keymap.Builder builder = Keymap.builder().escapeChar(escapeChar);
            bindEarlierSessionKeys(builder);
            List<String> modeWords = java.util.Arrays.stream(KeyMode.values()).map(KeyMode::word).toList();
            List<Map.Entry<String, ConfigValue>> bindings = new ArrayList<>();
            for (Map.Entry<String, ConfigValue> mode : modes.entrySet()) {
                if (KeyMode.named(mode.getKey()).isEmpty()) {
                    throw problemAt(mode.getValue().origin(), key + ": unknown mode " + Printable.quoted(mode.getKey())
                            + " (the modes: " + String.join(", ", modeWords) + ")");
                }
                if (!(mode.getValue() instanceof ConfigObject actions)) {
                    throw problemAt(mode.getValue().origin(), key + "." + mode.getKey()
                            + ": expected a block of ACTION = [KEYS], got " + describe(mode.getValue()));
                }
                for (Map.Entry<String, ConfigValue> action : actions.entrySet()) {
                    bindings.add(Map.entry(mode.getKey() + "." + action.getKey(), action.getValue()));
                }
            }
            bindings.sort(Comparator.comparingInt((Map.Entry<String, ConfigValue> binding) -> lineOf(binding.getValue().origin()))
                    .thenComparing(Map.Entry::getKey));
            for (Map.Entry<String, ConfigValue> binding : bindings) {
                bind(builder, key, binding.getKey(), binding.getValue());
            }
            try {
                return builder.build();
            } catch (Keymap.Clash e) {
                throw problemAt((ConfigOrigin) e.where(), e.getMessage());
            }
        }

        /**
         * {@code detach-key}, {@code next-session-key} and {@code previous-session-key}, as earlier
         * versions wrote them ({@code "^\\"}, {@code F12}, {@code none}): bound first, so that the keys
         * block, read after them, has the last word for an action both set.
         */
        private void bindEarlierSessionKeys(Keymap.Builder builder) throws SettingsException {
            List<Map.Entry<String, SessionAction>> earlier = new ArrayList<>(EARLIER_SESSION_KEYS.entrySet());
            earlier.sort(Map.Entry.comparingByKey());
            for (Map.Entry<String, SessionAction> setting : earlier) {
                if (value(setting.getKey()) == null) {
                    continue;
                }
                String text = string(setting.getKey());
                SessionKey sessionKey = SessionKey.parse(text).orElseThrow(() -> problem(setting.getKey(),
                        "expected ^X, F1 to F12, S-F1 to S-F12, or \"none\", got " + Printable.quoted(shortened(text))));
                builder.bindSession(setting.getValue(), sessionKey, value(setting.getKey()).origin());
            }
        }

        private void bind(Keymap.Builder builder, String key, String path, ConfigValue value) throws SettingsException {
            KeyMode mode = KeyMode.named(path.substring(0, path.indexOf('.'))).orElseThrow();
            String word = path.substring(path.indexOf('.') + 1);
            String where = key + "." + path;
            List<String> known = Keymap.actions(mode).stream().map(KeyAction::word).toList();
            KeyAction action = Keymap.action(mode, word).orElseThrow(() -> problemAt(value.origin(), key + "."
                    + mode.word() + ": unknown action " + Printable.quoted(word) + (known.isEmpty()
                            ? " (" + mode.word() + " has no actions yet)" : " (the actions: " + String.join(", ", known) + ")")));
            List<ConfigValue> items = new ArrayList<>();
            if (value instanceof ConfigList list) {
                items.addAll(list);
            } else if (value.valueType() == ConfigValueType.STRING || value.valueType() == ConfigValueType.NUMBER) {
                items.add(value);
            } else {
                throw problemAt(value.origin(), where + ": expected a key or a list of keys, such as [Enter, \"C-o\"], got "
                        + describe(value));
            }
            if (items.size() > 16) {
                throw problemAt(value.origin(), where + ": at most 16 keys, got " + items.size());
            }
            List<String> names = new ArrayList<>();
            for (ConfigValue item : items) {
                if (item.valueType() != ConfigValueType.STRING && item.valueType() != ConfigValueType.NUMBER) {
                    throw problemAt(item.origin(), where + ": expected a key, got " + describe(item));
                }
                names.add(String.valueOf(item.unwrapped()));
            }
            if (mode == KeyMode.SESSION) {
                if (names.size() > 1) {
                    throw problemAt(value.origin(), where + ": a session's action takes one key (or none), got "
                            + names.size());
                }
                String name = names.isEmpty() ? "none" : names.get(0);
                SessionKey sessionKey = KeyNames.parseSessionKey(name).orElseThrow(() -> problemAt(
                        items.isEmpty() ? value.origin() : items.get(0).origin(), where + ": unknown key "
                                + Printable.quoted(shortened(name)) + " (a session's keys: " + KeyNames.SESSION_FORMS + ")"));
                builder.bindSession((SessionAction) action, sessionKey, value.origin());
                return;
            }
            List<Key> keys = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                ConfigOrigin origin = items.get(i).origin();
                Key parsed = KeyNames.parse(name).orElseThrow(() -> problemAt(origin, where + ": unknown key "
                        + Printable.quoted(shortened(name)) + " (keys: " + KeyNames.FORMS + ")"));
                if (parsed instanceof Key.Typed && (mode == KeyMode.PICKER || mode == KeyMode.FORMS)) {
                    throw problemAt(origin, where + ": " + Printable.quoted(shortened(name)) + " is a character, which "
                            + mode.word() + " cannot take: it could not be typed in a filter, a command or a password");
                }
                keys.add(parsed);
            }
            builder.bind(action, keys, value.origin());
        }

        /** One of {@code choices}' constants, written in lower case; {@code words} name them in the error. */
        <E extends Enum<E>> E oneOf(String key, Class<E> choices, String words) throws SettingsException {
            String text = string(key);
            try {
                return Enum.valueOf(choices, text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw problem(key, "expected " + words + ", got " + Printable.quoted(shortened(text)));
            }
        }

        /** {@code [{ hosts = "db* tag:prod", command = ["pass", "show", "db"], timeout = 10s }]}. */
        List<PromptSettings.PasswordCommand> passwordCommands(String key) throws SettingsException {
            ConfigValue value = value(key);
            if (!(value instanceof ConfigList list)) {
                throw problem(key, "expected a list of { hosts = \"...\", command = [...] }, got " + describe(value));
            }
            if (list.size() > 1000) {
                throw problem(key, "at most 1000 entries, got " + list.size());
            }
            List<PromptSettings.PasswordCommand> commands = new ArrayList<>();
            for (ConfigValue item : list) {
                if (!(item instanceof ConfigObject object)) {
                    throw problemAt(item.origin(), key + ": expected { hosts = \"...\", command = [...] }, got " + describe(item));
                }
                for (String field : object.keySet()) {
                    if (!Set.of("hosts", "command", "timeout").contains(field)) {
                        throw problemAt(object.get(field).origin(), key + ": unknown key " + Printable.quoted(shortened(field))
                                + " (known: hosts, command, timeout)");
                    }
                }
                ConfigValue hosts = object.get("hosts");
                if (hosts == null || hosts.valueType() != ConfigValueType.STRING || ((String) hosts.unwrapped()).isBlank()) {
                    throw problemAt(object.origin(), key + ": an entry needs hosts = \"alias, pattern or tag:NAME ...\"");
                }
                ConfigValue command = object.get("command");
                if (!(command instanceof ConfigList words) || words.isEmpty()
                        || words.stream().anyMatch(word -> word.valueType() != ConfigValueType.STRING)) {
                    throw problemAt(command == null ? object.origin() : command.origin(),
                            key + ": command must be a list of words, such as [\"pass\", \"show\", \"db\"] (run without a shell)");
                }
                Duration timeout = Duration.ofSeconds(10);
                ConfigValue limit = object.get("timeout");
                if (limit != null) {
                    try {
                        timeout = object.toConfig().getDuration("timeout");
                    } catch (ConfigException e) {
                        throw problemAt(limit.origin(), key + ": timeout: expected a duration such as 10s, got " + describe(limit));
                    }
                    if (timeout.compareTo(Duration.ofMillis(100)) < 0 || timeout.compareTo(Duration.ofMinutes(5)) > 0) {
                        throw problemAt(limit.origin(), key + ": timeout must be from 100ms to 5m, got " + describe(limit));
                    }
                }
                commands.add(new PromptSettings.PasswordCommand((String) hosts.unwrapped(),
                        words.stream().map(word -> (String) word.unwrapped()).toList(), timeout));
            }
            return commands;
        }

        List<HostEntry> hostEntries(String key) throws SettingsException {
            List<HostEntry> entries = new ArrayList<>();
            for (ConfigObject object : objects(key, MAX_HOST_ENTRIES, "host entries", "an entry { alias = ..., ... }")) {
                entries.add(hostEntry(object));
            }
            return entries;
        }

        /** By alias, the {@code remote-session} of the host entries that set one (checked by {@link #hostEntry}). */
        Map<String, RemoteSession> remoteSessionByHost(String key) throws SettingsException {
            Map<String, RemoteSession> byHost = new LinkedHashMap<>();
            for (ConfigObject object : objects(key, MAX_HOST_ENTRIES, "host entries", "an entry { alias = ..., ... }")) {
                ConfigValue value = object.get("remote-session");
                if (value != null) {
                    String alias = String.valueOf(object.get(object.containsKey("name") ? "name" : "alias").unwrapped());
                    byHost.put(alias, remoteSession(value));
                }
            }
            return byHost;
        }

        private RemoteSession remoteSession(ConfigValue value) throws SettingsException {
            if (value.valueType() == ConfigValueType.STRING) {
                String text = (String) value.unwrapped();
                for (RemoteSession choice : RemoteSession.values()) {
                    if (choice.word().equals(text)) {
                        return choice;
                    }
                }
            }
            throw problemAt(value.origin(), "hosts: remote-session must be " + REMOTE_SESSION_WORDS + ", got "
                    + describe(value));
        }

        /**
         * The entries of a list setting, each an object: at most {@code max}; {@code listOf} and
         * {@code shape} say in an error what the list holds and what one entry looks like.
         */
        private List<ConfigObject> objects(String key, int max, String listOf, String shape) throws SettingsException {
            ConfigValue value = value(key);
            if (!(value instanceof ConfigList list)) {
                throw problem(key, "expected a list of " + listOf + ", got " + describe(value));
            }
            if (list.size() > max) {
                throw problem(key, "at most " + max + " entries, got " + list.size());
            }
            List<ConfigObject> objects = new ArrayList<>();
            for (ConfigValue item : list) {
                if (!(item instanceof ConfigObject object)) {
                    throw problemAt(item.origin(), key + ": expected " + shape + ", got " + describe(item));
                }
                objects.add(object);
            }
            return objects;
        }

        private HostEntry hostEntry(ConfigObject object) throws SettingsException {
            for (Map.Entry<String, ConfigValue> field : object.entrySet()) {
                if (!HOST_ENTRY_KEYS.contains(field.getKey())) {
                    throw problemAt(field.getValue().origin(), "hosts: unknown key " + Printable.quoted(shortened(field.getKey()))
                            + " (known: alias, hostname, user, port, tags, group, description, favourite, remote-session)");
                }
            }
            if (object.containsKey("alias") && object.containsKey("name")) {
                throw problemAt(object.origin(), "hosts: an entry has both alias and name");
            }
            String aliasKey = object.containsKey("name") ? "name" : "alias";
            String alias = field(object, aliasKey, MAX_NAME_LENGTH);
            if (alias.isEmpty()) {
                throw problemAt(object.origin(), "hosts: an entry needs an alias");
            }
            String aliasProblem = alias.chars().anyMatch(c -> c == '*' || c == '?' || c == '!')
                    ? "must be a plain name (no spaces or patterns)" : nameProblem(alias);
            if (aliasProblem != null) {
                throw problemAt(object.get(aliasKey).origin(), "hosts: alias " + Printable.quoted(shortened(alias)) + " "
                        + (aliasProblem.startsWith("must") ? aliasProblem : "must be a plain name: " + aliasProblem));
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
                for (int i = 0; i < tags.size(); i++) {
                    String problem = nameProblem(tags.get(i));
                    if (problem != null) {
                        throw problemAt(tagList.get(i).origin(), "hosts: tag " + Printable.quoted(shortened(tags.get(i)))
                                + " " + problem);
                    }
                }
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
            ConfigValue remoteSessionValue = object.get("remote-session");
            if (remoteSessionValue != null) {
                remoteSession(remoteSessionValue);
            }
            String hostname = plainField(object, "hostname");
            String user = plainField(object, "user");
            return new HostEntry(alias, hostname, user, port, tags,
                    field(object, "group", MAX_TEXT_LENGTH), field(object, "description", MAX_TEXT_LENGTH),
                    favourite, SettingsLoader.fileOf(object.origin(), file), lineOf(object.origin()));
        }

        /**
         * {@code [ { name = "cmdb", command = ["cmdb-hosts", "--json"], refresh = 10m, timeout = 30s },
         * { name = "tailnet", type = tailscale } ]}.
         */
        List<SourceSpec> sources(String key) throws SettingsException {
            String shape = "{ name = \"...\", command = [...] }";
            List<SourceSpec> sources = new ArrayList<>();
            Map<String, Integer> lines = new LinkedHashMap<>();
            for (ConfigObject object : objects(key, MAX_SOURCES, shape, shape)) {
                SourceSpec source = source(key, object);
                Integer earlier = lines.putIfAbsent(source.name(), source.line());
                if (earlier != null) {
                    throw problemAt(object.get("name").origin(), key + ": the name " + Printable.quoted(source.name())
                            + " is taken by the source at line " + earlier);
                }
                sources.add(source);
            }
            return sources;
        }

        private SourceSpec source(String key, ConfigObject object) throws SettingsException {
            for (Map.Entry<String, ConfigValue> field : object.entrySet()) {
                if (!SOURCE_KEYS.contains(field.getKey())) {
                    throw problemAt(field.getValue().origin(), key + ": unknown key " + Printable.quoted(field.getKey())
                            + " (known: name, type, command, refresh, timeout)");
                }
            }
            ConfigValue nameValue = object.get("name");
            if (nameValue == null || nameValue.valueType() != ConfigValueType.STRING) {
                throw problemAt(nameValue == null ? object.origin() : nameValue.origin(),
                        key + ": a source needs name = \"...\" (a word: letters, digits, '.', '_', '-')");
            }
            String name = (String) nameValue.unwrapped();
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
                throw problemAt(nameValue.origin(), key + ": name " + Printable.quoted(shortened(name))
                        + " must be a word of letters, digits, '.', '_' and '-' (at most 64, not starting with '-')");
            }
            SourceSpec.Type type = SourceSpec.Type.COMMAND;
            ConfigValue typeValue = object.get("type");
            if (typeValue != null) {
                String written = typeValue.valueType() == ConfigValueType.STRING ? (String) typeValue.unwrapped() : "";
                if (written.equals("command")) {
                    type = SourceSpec.Type.COMMAND;
                } else if (written.equals("tailscale")) {
                    type = SourceSpec.Type.TAILSCALE;
                } else {
                    throw problemAt(typeValue.origin(), key + ": type must be command or tailscale, got " + describe(typeValue));
                }
            }
            ConfigValue commandValue = object.get("command");
            List<String> command;
            if (commandValue == null) {
                if (type == SourceSpec.Type.COMMAND) {
                    throw problemAt(object.origin(), key + ": source " + name
                            + " needs command = [\"program\", \"argument\", ...] (or type = tailscale)");
                }
                command = SourceSpec.TAILSCALE_COMMAND;
            } else {
                if (!(commandValue instanceof ConfigList words) || words.isEmpty() || words.size() > 256
                        || words.stream().anyMatch(word -> word.valueType() != ConfigValueType.STRING)) {
                    throw problemAt(commandValue.origin(), key + ": command must be a list of words, such as "
                            + "[\"cmdb-hosts\", \"--json\"] (run without a shell)");
                }
                command = words.stream().map(word -> (String) word.unwrapped()).toList();
                if (command.get(0).isBlank() || command.stream().anyMatch(word -> word.indexOf('\0') >= 0
                        || word.length() > MAX_PATH_LENGTH)) {
                    throw problemAt(commandValue.origin(), key + ": command must start with a program name or path, "
                            + "and no word may hold a NUL or be longer than " + MAX_PATH_LENGTH + " characters");
                }
            }
            Duration refresh = sourceDuration(key, object, "refresh", Duration.ofMinutes(10),
                    DurationRange.of(Duration.ofSeconds(10), Duration.ofDays(30)));
            Duration timeout = sourceDuration(key, object, "timeout", Duration.ofSeconds(30),
                    DurationRange.of(Duration.ofSeconds(1), Duration.ofMinutes(10)));
            return new SourceSpec(name, type, command, refresh, timeout,
                    SettingsLoader.fileOf(object.origin(), file), lineOf(object.origin()));
        }

        /** {@code field} of {@code object} as a duration (a string or number, with a unit); empty when it is not one. */
        private static Optional<Duration> asDuration(ConfigObject object, String field) {
            ConfigValue value = object.get(field);
            if (value.valueType() != ConfigValueType.STRING && value.valueType() != ConfigValueType.NUMBER) {
                return Optional.empty();
            }
            try {
                return Optional.of(object.toConfig().getDuration(field));
            } catch (ConfigException | ArithmeticException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        private Duration sourceDuration(String key, ConfigObject object, String field, Duration otherwise,
                DurationRange range) throws SettingsException {
            ConfigValue value = object.get(field);
            if (value == null) {
                return otherwise;
            }
            Duration duration = asDuration(object, field).orElseThrow(() -> problemAt(value.origin(),
                    key + ": " + field + ": expected a duration such as 10m, got " + describe(value)));
            if (!range.contains(duration)) {
                throw problemAt(value.origin(), key + ": " + field + " must be " + range.describe() + ", got "
                        + describe(value));
            }
            return duration;
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
                        throw problemAt(field.getValue().origin(), key + ": unknown key "
                                + Printable.quoted(shortened(field.getKey())) + " (known: host, open)");
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

        /** A field that must be one word: a host name, a user. */
        private String plainField(ConfigObject object, String name) throws SettingsException {
            String text = field(object, name, MAX_NAME_LENGTH);
            String problem = text.isEmpty() ? null : nameProblem(text);
            if (problem != null) {
                throw problemAt(object.get(name).origin(), "hosts: " + name + " " + Printable.quoted(shortened(text)) + " " + problem);
            }
            return text;
        }

        /** A text field: a string (or number) of at most {@code maxLength} characters, on one line. */
        private String field(ConfigObject object, String name, int maxLength) throws SettingsException {
            ConfigValue value = object.get(name);
            if (value == null) {
                return "";
            }
            if (value.valueType() != ConfigValueType.STRING && value.valueType() != ConfigValueType.NUMBER) {
                throw problemAt(value.origin(), "hosts: " + name + " must be a string, got " + describe(value));
            }
            String text = String.valueOf(value.unwrapped());
            if (text.length() > maxLength) {
                throw problemAt(value.origin(), "hosts: " + name + " must be at most " + maxLength
                        + " characters, got " + text.length());
            }
            if (Printable.hasControl(text)) {
                throw problemAt(value.origin(), "hosts: " + name + " must be one line without control characters, got "
                        + Printable.quoted(shortened(text)));
            }
            return text;
        }

        /** Why {@code name} is not usable as a host alias, host name, user or tag; null when it is. */
        private static String nameProblem(String name) {
            if (name.isEmpty()) {
                return "must not be empty";
            }
            if (name.length() > MAX_NAME_LENGTH) {
                return "is longer than " + MAX_NAME_LENGTH + " characters";
            }
            if (name.startsWith("-")) {
                return "must not start with '-' (ssh would read it as an option)";
            }
            if (Printable.hasControl(name) || name.chars().anyMatch(Character::isWhitespace)) {
                return "must not contain spaces or control characters";
            }
            return null;
        }


        private static String describe(ConfigValue value) {
            return switch (value.valueType()) {
                case STRING -> Printable.quoted(shortened((String) value.unwrapped()));
                case NULL -> "null";
                case OBJECT -> "an object";
                case LIST -> "a list";
                default -> shortened(value.render());
            };
        }
    }
}
