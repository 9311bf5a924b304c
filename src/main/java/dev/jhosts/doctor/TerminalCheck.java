package dev.jhosts.doctor;

import dev.jhosts.tui.view.Appearance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The terminal as the picker will see it, from the same environment variables and with the
 * same rules ({@link Appearance}): TERM decides colours and (for the Linux console) ASCII
 * symbols; the locale ({@code LC_ALL}, else {@code LC_CTYPE}, else {@code LANG}) decides UTF-8.
 */
final class TerminalCheck {
    static final String NAME = "terminal";

    private TerminalCheck() {}

    static List<Finding> check(Map<String, String> env) {
        List<Finding> findings = new ArrayList<>();
        String term = env.getOrDefault("TERM", "");
        if (term.isEmpty()) {
            findings.add(new Finding(NAME, Severity.WARNING, "TERM is not set: the picker does not know what terminal "
                    + "it draws on", "run jhosts in a terminal, or export TERM (for example TERM=xterm-256color)"));
        } else if (term.equals("dumb")) {
            findings.add(new Finding(NAME, Severity.WARNING, "TERM=dumb: the picker draws without colours, and a dumb "
                    + "terminal may not show it at all", "run jhosts in a terminal emulator, or export TERM=xterm-256color"));
        } else if (term.equals("linux")) {
            findings.add(new Finding(NAME, Severity.NOTE, "TERM=linux: the picker draws ASCII symbols (the console's "
                    + "fonts lack most others)", ""));
        } else {
            findings.add(Finding.ok(NAME, "TERM=" + term));
        }
        if (!env.getOrDefault("NO_COLOR", "").isEmpty()) {
            findings.add(new Finding(NAME, Severity.NOTE, "NO_COLOR is set: the picker draws without colours", ""));
        }
        String locale = locale(env);
        if (Appearance.localeIsUtf8(env)) {
            findings.add(Finding.ok(NAME, "locale " + locale + " (UTF-8)"));
        } else {
            findings.add(new Finding(NAME, Severity.WARNING, "locale " + (locale.isEmpty() ? "not set (C)" : locale)
                    + " is not UTF-8: the picker draws ASCII, and host names or descriptions in other scripts show as ?",
                    "export LANG=C.UTF-8 (or your language's UTF-8 locale, such as en_GB.UTF-8)"));
        }
        return findings;
    }

    /** The variable that decides, as {@code NAME=value}. */
    private static String locale(Map<String, String> env) {
        for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String value = env.getOrDefault(name, "");
            if (!value.isEmpty()) {
                return name + "=" + value;
            }
        }
        return "";
    }
}
