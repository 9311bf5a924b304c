package dev.jhosts.master;

/** What is found at a ControlPath. */
public sealed interface Probe {
    /** No file at the path. */
    record Absent() implements Probe {}

    /** A socket file that nobody accepts on: the master is gone. */
    record Stale() implements Probe {}

    /** A master answered MUX_C_ALIVE_CHECK with its pid. */
    record Alive(long pid) implements Probe {}

    /** A socket accepts connections but the master does not answer in time. */
    record Frozen(String detail) implements Probe {}

    /** The master refused (MUX_S_PERMISSION_DENIED, or the socket is not ours to use). */
    record Refused(String detail) implements Probe {}

    /** The socket is served by another user's process ({@code uid}): refused before anything was sent to it. */
    record Untrusted(String detail, long uid) implements Probe {}
}
