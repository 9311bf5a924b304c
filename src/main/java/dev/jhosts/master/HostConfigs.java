package dev.jhosts.master;

import dev.jhosts.catalog.EffectiveOptions;
import dev.jhosts.catalog.SshOptionsResolver;
import java.util.List;

/**
 * A host's effective ssh options as OpenSSH computes them ({@code ssh -G}, cached), with the
 * options jhosts adds for hosts of its own settings. The details area, the session's SendEnv
 * and the masters' ControlPaths all read hosts through this one cache.
 */
public final class HostConfigs implements TargetResolver {
    private final SshOptionsResolver resolver;
    /** Replaced whole when the catalogue changes (a source answered); read by any thread. */
    private volatile HostOptions hostOptions;

    public HostConfigs(SshOptionsResolver resolver, HostOptions hostOptions) {
        this.resolver = resolver;
        this.hostOptions = hostOptions;
    }

    /** Takes the options of {@code catalogue}'s hosts from now on (the sources' hosts changed). */
    public void useHosts(java.util.Collection<dev.jhosts.catalog.Host> catalogue) {
        hostOptions = HostOptions.of(catalogue);
    }

    /** As {@link #useHosts}, after the ssh config itself changed: what ssh -G said before is asked again. */
    public void configEdited(java.util.Collection<dev.jhosts.catalog.Host> catalogue) {
        resolver.forget();
        useHosts(catalogue);
    }

    /** ssh's own lines refusing the ssh config as a whole; asked of ssh once until the config is edited. */
    public List<String> configRefusals(List<dev.jhosts.catalog.Host> catalogue) {
        return resolver.refusals(catalogue);
    }

    /** The options of a catalogue alias. */
    public EffectiveOptions resolve(String alias) throws SshOptionsResolver.ResolveException {
        return resolver.resolve(alias, hostOptions.forAlias(alias));
    }

    @Override
    public EffectiveOptions resolve(MasterTarget target) throws MasterException {
        try {
            return resolver.resolve(target.destination(), target.options());
        } catch (SshOptionsResolver.ResolveException e) {
            throw new MasterException(target.label() + ": " + e.getMessage(), e);
        }
    }

    /** The {@code -o} options ssh needs for an alias beyond the ssh config. */
    public List<String> sshOptions(String alias) {
        return hostOptions.forAlias(alias);
    }

    /** The target a master for {@code alias} is made for. */
    public MasterTarget target(String alias) {
        return MasterTarget.alias(alias, hostOptions);
    }
}
