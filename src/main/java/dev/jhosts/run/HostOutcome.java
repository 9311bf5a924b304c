package dev.jhosts.run;

import java.time.Duration;

/** How the command ended on one host. */
public sealed interface HostOutcome {

    /** Exit status 0. */
    record Succeeded() implements HostOutcome {}

    /** A non-zero exit status. */
    record Failed(int status) implements HostOutcome {}

    /**
     * The session ended without an exit status: the command died by a signal, or the connection
     * or the master went away (ssh reports 255 then).
     */
    record NoExitStatus() implements HostOutcome {}

    /**
     * The master died while the command ran (the connection dropped, the master was killed): the
     * session ended without an exit status or with 255, and the master no longer answers.
     * {@code reason} says what became of it; {@code --retry} runs such a host again.
     */
    record ConnectionLost(String reason) implements HostOutcome {}

    /** No master could be had (the host is down, refuses, or needs a prompt); the session never opened. */
    record Unreachable(String reason) implements HostOutcome {}

    /** The master would not open the session (MUX_S_FAILURE: the server refused the channel, MaxSessions…). */
    record Refused(String reason) implements HostOutcome {}

    /** The work ran but part of it failed (a copy where some files failed: {@code reason} says how many). */
    record Incomplete(String reason) implements HostOutcome {}

    /** Stopped when it had run for {@code limit}. */
    record TimedOut(Duration limit) implements HostOutcome {}

    /** Stopped by the user (Ctrl-C, or the picker's stop) while it ran, or before it began. */
    record Cut(boolean began) implements HostOutcome {}

    /** Whether the host counts as succeeded. */
    default boolean success() {
        return this instanceof Succeeded;
    }

    /** A short phrase for summaries and the results pane: "exit 0", "exit 3", "unreachable"… */
    default String word() {
        if (this instanceof Succeeded) {
            return "exit 0";
        } else if (this instanceof Failed failed) {
            return "exit " + failed.status();
        } else if (this instanceof NoExitStatus) {
            return "no exit status";
        } else if (this instanceof ConnectionLost) {
            return "connection lost";
        } else if (this instanceof Incomplete) {
            return "incomplete";
        } else if (this instanceof Unreachable) {
            return "unreachable";
        } else if (this instanceof Refused) {
            return "refused";
        } else if (this instanceof TimedOut) {
            return "timed out";
        }
        return "cut";
    }

    /** The reason behind an outcome that has one; empty otherwise. */
    default String detail() {
        if (this instanceof Unreachable unreachable) {
            return unreachable.reason();
        } else if (this instanceof Refused refused) {
            return refused.reason();
        } else if (this instanceof ConnectionLost lost) {
            return lost.reason();
        } else if (this instanceof Incomplete incomplete) {
            return incomplete.reason();
        } else if (this instanceof TimedOut timedOut) {
            return "stopped after " + Durations.describe(timedOut.limit());
        } else if (this instanceof NoExitStatus) {
            return "killed by a signal, or the connection was lost";
        } else if (this instanceof Cut cut) {
            return cut.began() ? "stopped while running" : "stopped before it began";
        }
        return "";
    }
}
