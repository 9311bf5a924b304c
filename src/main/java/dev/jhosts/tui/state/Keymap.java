package dev.jhosts.tui.state;

import dev.jhosts.session.SessionKey;
import dev.jhosts.session.SessionKeys;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every key binding of the picker, one {@link KeyTable} per {@link KeyMode}, and a session's
 * keys: what {@link Update} dispatches on, and what the help overlay, the footer and the manual
 * page show. Made from the defaults each action declares, with the settings' {@code keys}
 * block on top ({@link Builder}); passed to {@link Update} as a value.
 *
 * <p>A mode's keys are its own table's and {@link PickerAction}'s, and in the panes some of the
 * list's ({@link #listActionsIn}). A key the settings bind is taken from the default action
 * that had it there; a key the settings bind to two actions of one mode is refused.
 *
 * @param escapeChar the session escape character (setting {@code escape-char}), -1 for none;
 *     the escapes are ssh's and shown, not rebound
 */
public record Keymap(Map<KeyMode, KeyTable<?>> tables, SessionKeys session, int escapeChar) {
    private static final Map<KeyMode, Class<? extends KeyAction>> ACTIONS = actionTypes();

    private static final Keymap DEFAULTS = builder().buildDefaults();

    public Keymap {
        tables = Map.copyOf(tables);
    }

    /** Every action with the keys it declares. */
    public static Keymap defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static Map<KeyMode, Class<? extends KeyAction>> actionTypes() {
        Map<KeyMode, Class<? extends KeyAction>> types = new EnumMap<>(KeyMode.class);
        types.put(KeyMode.PICKER, PickerAction.class);
        types.put(KeyMode.LIST, ListAction.class);
        types.put(KeyMode.STATUS_PANE, StatusPaneAction.class);
        types.put(KeyMode.FORWARDS, ForwardsAction.class);
        types.put(KeyMode.RESULTS, ResultsAction.class);
        types.put(KeyMode.DIALOGS, DialogAction.class);
        types.put(KeyMode.FORMS, FormAction.class);
        types.put(KeyMode.FILES, FilesAction.class);
        types.put(KeyMode.SESSION, SessionAction.class);
        return types;
    }

    /** The actions of {@code mode}, in declared order. */
    public static List<KeyAction> actions(KeyMode mode) {
        return Arrays.asList(ACTIONS.get(mode).getEnumConstants());
    }

    /** The action of {@code mode} the settings call {@code word}. */
    public static Optional<KeyAction> action(KeyMode mode, String word) {
        return actions(mode).stream().filter(action -> action.word().equals(word)).findFirst();
    }

    /** The list's actions that also work in {@code mode} (a pane), where that mode does not bind their keys. */
    public static Set<ListAction> listActionsIn(KeyMode mode) {
        return switch (mode) {
            case STATUS_PANE -> EnumSet.of(ListAction.HELP, ListAction.TOGGLE_MASTERS, ListAction.ORDER, ListAction.TMUX);
            case FORWARDS -> EnumSet.of(ListAction.HELP, ListAction.TOGGLE_MASTERS, ListAction.ORDER);
            case RESULTS -> EnumSet.of(ListAction.HELP);
            case FILES -> EnumSet.of(ListAction.HELP);
            default -> EnumSet.noneOf(ListAction.class);
        };
    }

    public KeyTable<PickerAction> picker() {
        return table(KeyMode.PICKER, PickerAction.class);
    }

    public KeyTable<ListAction> list() {
        return table(KeyMode.LIST, ListAction.class);
    }

    public KeyTable<StatusPaneAction> statusPane() {
        return table(KeyMode.STATUS_PANE, StatusPaneAction.class);
    }

    public KeyTable<ForwardsAction> forwards() {
        return table(KeyMode.FORWARDS, ForwardsAction.class);
    }

    public KeyTable<ResultsAction> results() {
        return table(KeyMode.RESULTS, ResultsAction.class);
    }

    public KeyTable<DialogAction> dialogs() {
        return table(KeyMode.DIALOGS, DialogAction.class);
    }

    public KeyTable<FormAction> forms() {
        return table(KeyMode.FORMS, FormAction.class);
    }

    public KeyTable<FilesAction> files() {
        return table(KeyMode.FILES, FilesAction.class);
    }

    @SuppressWarnings("unchecked")
    private <A extends Enum<A> & KeyAction> KeyTable<A> table(KeyMode mode, Class<A> type) {
        return (KeyTable<A>) tables.get(mode);
    }

    /** The keys of any action as the help shows them (a session's as the settings name them); empty for none. */
    public String shown(KeyAction action) {
        return String.join(" ", shownKeys(action));
    }

    /** The first key of {@code action} as a message names it ({@code ^R}), or "(no key)" when it has none. */
    public String first(KeyAction action) {
        List<String> keys = shownKeys(action);
        return keys.isEmpty() ? "(no key)" : keys.get(0);
    }

    /** The keys of any action as the help shows them, one by one. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public List<String> shownKeys(KeyAction action) {
        if (action instanceof SessionAction sessionAction) {
            SessionKey key = sessionKey(sessionAction);
            return key.isNone() ? List.of() : List.of(key.name());
        }
        KeyTable table = tables.get(action.mode());
        return ((List<Key>) table.keys((Enum) action)).stream().map(KeyNames::shown).toList();
    }

    private SessionKey sessionKey(SessionAction action) {
        return switch (action) {
            case DETACH -> session.detach();
            case NEXT_SESSION -> session.next();
            case PREVIOUS_SESSION -> session.previous();
        };
    }

    /** A key bound twice in one mode by the settings. */
    public static final class Clash extends Exception {
        private final transient Object where;

        Clash(String message, Object where) {
            super(message);
            this.where = where;
        }

        /** What the settings gave with the later of the two bindings. */
        public Object where() {
            return where;
        }
    }

    /**
     * The defaults with the settings' bindings on top, in the settings file's order: each
     * {@link #bind} replaces all the keys of one action.
     */
    public static final class Builder {
        private final Map<KeyAction, List<Key>> bound = new LinkedHashMap<>();
        private final Map<SessionAction, SessionKey> boundSession = new EnumMap<>(SessionAction.class);
        private final Map<KeyAction, Object> where = new LinkedHashMap<>();
        private int escapeChar = '~';

        private Builder() {}

        /** {@code action} gets exactly {@code keys} (none unbinds it); {@code at} says where, for a clash. */
        public Builder bind(KeyAction action, List<Key> keys, Object at) {
            if (action instanceof SessionAction) {
                throw new IllegalArgumentException("a session's keys are SessionKeys: " + action);
            }
            bound.remove(action);
            bound.put(action, keys.stream().map(KeyNames::canonical).distinct().toList());
            where.remove(action);
            where.put(action, at);
            return this;
        }

        /** A session's {@code action} gets {@code key} ({@link SessionKey#NONE} unbinds it). */
        public Builder bindSession(SessionAction action, SessionKey key, Object at) {
            boundSession.put(action, key);
            where.remove(action);
            where.put(action, at);
            return this;
        }

        public Builder escapeChar(int escape) {
            this.escapeChar = escape;
            return this;
        }

        private Keymap buildDefaults() {
            try {
                return build();
            } catch (Clash e) {
                throw new IllegalStateException("the default keys clash: " + e.getMessage(), e);
            }
        }

        public Keymap build() throws Clash {
            Map<KeyAction, List<Key>> keys = new LinkedHashMap<>();
            for (KeyMode mode : KeyMode.values()) {
                if (mode == KeyMode.SESSION) {
                    continue;
                }
                for (KeyAction action : actions(mode)) {
                    keys.put(action, bound.containsKey(action) ? bound.get(action) : defaultKeys(action));
                }
            }
            for (KeyMode mode : KeyMode.values()) {
                if (mode != KeyMode.SESSION) {
                    resolve(mode, keys);
                }
            }
            Map<SessionAction, SessionKey> sessionKeys = new EnumMap<>(SessionAction.class);
            for (SessionAction action : SessionAction.values()) {
                sessionKeys.put(action, boundSession.containsKey(action) ? boundSession.get(action)
                        : KeyNames.parseSessionKey(action.defaults().get(0)).orElseThrow());
            }
            resolveSession(sessionKeys);
            Map<KeyMode, KeyTable<?>> tables = new EnumMap<>(KeyMode.class);
            for (KeyMode mode : KeyMode.values()) {
                if (mode != KeyMode.SESSION) {
                    tables.put(mode, table(mode, keys));
                }
            }
            return new Keymap(tables, new SessionKeys(sessionKeys.get(SessionAction.DETACH),
                    sessionKeys.get(SessionAction.NEXT_SESSION), sessionKeys.get(SessionAction.PREVIOUS_SESSION)),
                    escapeChar);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static KeyTable<?> table(KeyMode mode, Map<KeyAction, List<Key>> keys) {
            Class type = ACTIONS.get(mode);
            Map bindings = new LinkedHashMap<>();
            for (KeyAction action : actions(mode)) {
                bindings.put(action, keys.get(action));
            }
            return new KeyTable(type, bindings);
        }

        private static List<Key> defaultKeys(KeyAction action) {
            return action.defaults().stream()
                    .map(name -> KeyNames.parse(name).orElseThrow(() -> new IllegalStateException(
                            action.mode().word() + "." + action.word() + ": default key " + name + " unknown")))
                    .toList();
        }

        /** The actions whose keys {@code mode} takes: its own, the picker's, and the list's that work there. */
        private static List<KeyAction> reach(KeyMode mode) {
            List<KeyAction> reach = new ArrayList<>(actions(KeyMode.PICKER));
            if (mode != KeyMode.PICKER) {
                reach.addAll(actions(mode));
            }
            reach.addAll(listActionsIn(mode));
            return reach;
        }

        /**
         * In {@code mode}, a key of two actions: when the settings bound it to both, a clash (at
         * the later binding); when to one, the other (a default) loses it.
         */
        private void resolve(KeyMode mode, Map<KeyAction, List<Key>> keys) throws Clash {
            Map<Key, KeyAction> owner = new LinkedHashMap<>();
            for (KeyAction action : reach(mode)) {
                for (Key key : keys.get(action)) {
                    KeyAction other = owner.get(key);
                    if (other == null || other == action) {
                        owner.put(key, action);
                        continue;
                    }
                    boolean mine = bound.containsKey(action);
                    boolean theirs = bound.containsKey(other);
                    if (mine && theirs) {
                        throw clash(KeyNames.shown(key), other, action, mode);
                    }
                    KeyAction loser = mine ? other : action;
                    if (!mine && !theirs) {
                        throw new IllegalStateException("default keys clash in " + mode + ": " + key);
                    }
                    keys.put(loser, keys.get(loser).stream().filter(k -> !k.equals(key)).toList());
                    owner.put(key, mine ? action : other);
                }
            }
        }

        private void resolveSession(Map<SessionAction, SessionKey> keys) throws Clash {
            Map<SessionKey, SessionAction> owner = new LinkedHashMap<>();
            for (SessionAction action : SessionAction.values()) {
                SessionKey key = keys.get(action);
                if (key.isNone()) {
                    continue;
                }
                SessionAction other = owner.putIfAbsent(key, action);
                if (other == null) {
                    continue;
                }
                boolean mine = boundSession.containsKey(action);
                boolean theirs = boundSession.containsKey(other);
                if (mine && theirs) {
                    throw clash(key.name(), other, action, KeyMode.SESSION);
                }
                SessionAction loser = mine ? other : action;
                keys.put(loser, SessionKey.NONE);
                owner.put(key, mine ? action : other);
            }
        }

        /** The clash reported at the binding the settings gave later. */
        private Clash clash(String key, KeyAction first, KeyAction second, KeyMode mode) {
            List<KeyAction> order = new ArrayList<>(where.keySet());
            KeyAction earlier = order.indexOf(first) < order.indexOf(second) ? first : second;
            KeyAction later = earlier == first ? second : first;
            String both = name(earlier) + " and " + name(later);
            String in = earlier.mode() == later.mode() ? "" : " (both work in " + mode.word() + ")";
            return new Clash("keys: " + key + " is bound to both " + both + in, where.get(later));
        }

        private static String name(KeyAction action) {
            return action.mode().word() + "." + action.word();
        }
    }
}
