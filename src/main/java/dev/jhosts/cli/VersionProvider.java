package dev.jhosts.cli;

import picocli.CommandLine.IVersionProvider;

/** The version line of {@code --version}: {@link BuildIdentity} for picocli. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {BuildIdentity.line()};
    }
}
