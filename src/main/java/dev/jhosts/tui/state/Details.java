package dev.jhosts.tui.state;

import dev.jhosts.catalog.EffectiveOptions;

/** What is known of a host's effective ssh options ({@code ssh -G}) for the details area. */
public sealed interface Details {

    /** {@code ssh -G} is running in the background. */
    record Resolving() implements Details {}

    /** The options OpenSSH would use. */
    record Resolved(EffectiveOptions options) implements Details {}

    /** {@code ssh -G} failed; {@code reason} is its message. */
    record Unavailable(String reason) implements Details {}
}
