package dev.jhosts.config;

import java.time.Duration;

/**
 * The settings of {@code jhosts run} and of the picker's run on marked hosts.
 *
 * @param parallelism how many hosts run the command at once (the default of {@code --parallel})
 * @param timeout how long the command may run on one host (the default of {@code --timeout});
 *     zero for no limit
 * @param hangup whether stopping a command (Ctrl-C, the timeout) sends SIGHUP to its process
 *     group on the host: sshd leaves a command without a terminal running when its channel
 *     closes, so this is what ends it. It needs a POSIX shell on the host (the command is
 *     prefixed with a {@code printf} of the shell's pid); off for hosts without one
 */
public record RunSettings(int parallelism, Duration timeout, boolean hangup) {}
