package dev.jhosts.demo;

/** What a session channel asked to run (RFC 4254 §6.5): the user's shell, or one command. */
sealed interface SessionRequest {
    /** A "shell" request: a login shell. */
    record LoginShell() implements SessionRequest {}

    /** An "exec" request: {@code command}, run by the shell with {@code -c}. */
    record Exec(String command) implements SessionRequest {}

    /** A name for threads and logs. */
    default String describe() {
        return this instanceof Exec ? "exec" : "shell";
    }
}
