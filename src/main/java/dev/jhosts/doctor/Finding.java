package dev.jhosts.doctor;

/**
 * One line of {@code jhosts doctor}'s report.
 *
 * @param check the family of checks it comes from ("ssh client", "control directory", …)
 * @param severity how much it matters
 * @param message what was found, one line
 * @param fix what to do about it, one line; empty when there is nothing to do
 */
public record Finding(String check, Severity severity, String message, String fix) {
    static Finding ok(String check, String message) {
        return new Finding(check, Severity.OK, message, "");
    }
}
