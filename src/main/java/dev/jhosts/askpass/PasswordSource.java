package dev.jhosts.askpass;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A command whose standard output answers the password prompts of some hosts ({@code pass show
 * …}, {@code op read …}, {@code secret-tool lookup …}).
 *
 * @param hosts which hosts: aliases or ssh-style patterns ({@code *}, {@code ?}), {@code tag:NAME},
 *     and {@code !pattern} to leave some out, separated by spaces; a host is chosen when one
 *     positive entry matches and no negated one does
 * @param command run without a shell; the first line of its output is the answer
 * @param timeout past it the command is killed and the dialog asks instead
 */
public record PasswordSource(String hosts, List<String> command, Duration timeout) {
    public PasswordSource {
        command = List.copyOf(command);
    }

    /** Whether this source answers for {@code alias} with {@code tags}. */
    public boolean covers(String alias, Set<String> tags) {
        boolean chosen = false;
        for (String entry : hosts.trim().split("\\s+")) {
            if (entry.isEmpty()) {
                continue;
            }
            boolean negated = entry.startsWith("!");
            String pattern = negated ? entry.substring(1) : entry;
            boolean matches = pattern.startsWith("tag:") ? tags.contains(pattern.substring(4)) : glob(pattern, alias);
            if (matches && negated) {
                return false;
            }
            chosen |= matches && !negated;
        }
        return chosen;
    }

    /** ssh's match_pattern: {@code *} any run, {@code ?} one character, case-insensitive as host names are. */
    private static boolean glob(String pattern, String name) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(name).matches();
    }

    /** Whether ssh's prompt asks for a password (not a passphrase, not a code). */
    static boolean asksForPassword(String prompt) {
        return prompt.toLowerCase(Locale.ROOT).contains("password");
    }
}
