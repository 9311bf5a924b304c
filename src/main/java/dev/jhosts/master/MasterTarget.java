package dev.jhosts.master;

import java.util.List;

/**
 * What a master is made for: a destination given to ssh with the options it needs, and the name
 * shown for it. A catalogue alias is one ({@code options} are its {@link HostOptions}); so is a
 * hop of a jump chain, which ssh itself would reach as {@code ssh -l user -p port -J earlier hops
 * host} (ssh.c, the ProxyJump branch), so its options say just that.
 *
 * @param destination the destination argument of ssh (an alias or a host name)
 * @param options the {@code -o} options given before it
 * @param label how lists name it: the alias, or the hop as the chain wrote it
 */
public record MasterTarget(String destination, List<String> options, String label) {
    public MasterTarget {
        options = List.copyOf(options);
    }

    /** A catalogue alias with its options. */
    public static MasterTarget alias(String alias, HostOptions hostOptions) {
        return new MasterTarget(alias, hostOptions.forAlias(alias), alias);
    }
}
