package dev.jhosts.tui.state;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One mode's bindings: each action with its keys, in the action's declared order (which is the
 * order of the help and the manual page). A key has at most one action ({@link Keymap} refuses
 * more); a key may have none.
 */
public final class KeyTable<A extends Enum<A> & KeyAction> {
    private final Class<A> type;
    private final Map<A, List<Key>> bindings;
    private final Map<Key, A> actions = new HashMap<>();

    KeyTable(Class<A> type, Map<A, List<Key>> bindings) {
        this.type = type;
        Map<A, List<Key>> ordered = new EnumMap<>(type);
        for (A action : type.getEnumConstants()) {
            List<Key> keys = List.copyOf(bindings.getOrDefault(action, List.of()));
            ordered.put(action, keys);
            for (Key key : keys) {
                A before = actions.putIfAbsent(key, action);
                if (before != null && before != action) {
                    throw new IllegalArgumentException(KeyNames.shown(key) + " is bound to " + before.word() + " and "
                            + action.word());
                }
            }
        }
        this.bindings = java.util.Collections.unmodifiableMap(ordered);
    }

    /** The action of {@code key} in this mode, if it has one (Ctrl-M is Enter, see {@link KeyNames#canonical}). */
    public Optional<A> action(Key key) {
        return Optional.ofNullable(actions.get(KeyNames.canonical(key)));
    }

    /** Whether {@code key} does {@code action} here. */
    public boolean is(A action, Key key) {
        return action(key).filter(bound -> bound == action).isPresent();
    }

    /** The keys of {@code action}, possibly none. */
    public List<Key> keys(A action) {
        return bindings.get(action);
    }

    /** The keys of {@code action} as the help shows them, separated by spaces; empty for none. */
    public String shown(A action) {
        return keys(action).stream().map(KeyNames::shown).collect(Collectors.joining(" "));
    }

    /** Every action with its keys, in declared order. */
    public Map<A, List<Key>> bindings() {
        return new LinkedHashMap<>(bindings);
    }

    Class<A> type() {
        return type;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyTable<?> table && table.type == type && table.bindings.equals(bindings);
    }

    @Override
    public int hashCode() {
        return bindings.hashCode();
    }

    @Override
    public String toString() {
        return type.getSimpleName() + bindings;
    }
}
