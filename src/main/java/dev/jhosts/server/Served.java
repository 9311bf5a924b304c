package dev.jhosts.server;

/**
 * What a server serves, made once it listens ({@link JhostsServer#run}): the pickers and the
 * commands of its runtime (catalogue, masters, sessions).
 */
public record Served(Pickers pickers, ServedCommands commands) {}
