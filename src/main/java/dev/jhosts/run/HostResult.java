package dev.jhosts.run;

import java.time.Duration;

/**
 * The end of the command on one host.
 *
 * @param alias the host
 * @param outcome how it ended
 * @param duration from the session's opening to its end (zero when it never opened)
 * @param stdout what it printed on stdout, when the request captures output
 * @param stderr what it printed on stderr, when the request captures output
 */
public record HostResult(String alias, HostOutcome outcome, Duration duration, Captured stdout, Captured stderr) {}
