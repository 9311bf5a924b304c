package dev.jhosts.master;

/** Where a host's master connection stands. */
public sealed interface MasterState {

    /** No master: no socket, or a stale one that was removed. */
    record None() implements MasterState {}

    /** A launch is under way (ssh is connecting and authenticating). */
    record Starting() implements MasterState {}

    /** The master answers MUX_C_ALIVE_CHECK; {@code pid} is the daemonised master's. */
    record Live(long pid) implements MasterState {}

    /**
     * The launch failed; {@code reason} is ssh's own last words. {@code needsPrompt} when
     * authentication or host-key confirmation needs the user (the background launch runs with
     * BatchMode), so a session must fall back to ssh on the terminal.
     */
    record Failed(String reason, boolean needsPrompt) implements MasterState {}

    /** A socket accepts connections but the master does not answer in time (frozen, stuck). */
    record Unresponsive(String detail) implements MasterState {}

    /** The master rode a jump host's master that was stopped, exited or killed; {@code reason} says which. */
    record Cut(String reason) implements MasterState {}

    /** A short word for lists and JSON: none, starting, live, failed, unresponsive, cut. */
    default String word() {
        if (this instanceof None) {
            return "none";
        } else if (this instanceof Starting) {
            return "starting";
        } else if (this instanceof Live) {
            return "live";
        } else if (this instanceof Failed) {
            return "failed";
        } else if (this instanceof Cut) {
            return "cut";
        }
        return "unresponsive";
    }
}
