package dev.jhosts.config;

import java.time.Duration;

/**
 * The probes' settings: reachability and host-key checks made before connecting.
 *
 * @param enabled whether the picker probes hosts at all ({@code probes = on|off}; the
 *     {@code probe} subcommand always probes)
 * @param parallelism how many probes may run at once
 * @param interval how long a probe's result stands before the host is probed again
 * @param timeout how long one probe may take, connect, banner and key exchange together
 */
public record ProbeSettings(boolean enabled, int parallelism, Duration interval, Duration timeout) {}
