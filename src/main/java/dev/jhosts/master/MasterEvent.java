package dev.jhosts.master;

/** A host's master changed state; delivered on a background thread. */
public record MasterEvent(String alias, MasterState state) {}
