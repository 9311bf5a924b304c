package dev.jhosts.cli;

import java.util.List;
import java.util.Optional;

/**
 * The operands of {@code jhosts cp} as scp reads them: {@code HOST:PATH} is remote when the
 * colon comes before any slash ({@code ./a:b} is a local file), {@code :PATH} is remote on every
 * selected host, anything else is local. {@code HOST:} alone is the host's login directory.
 */
final class CopyOperands {
    private CopyOperands() {}

    /** One operand. {@code host} is empty for a local path, "" for {@code :PATH} (the selected hosts). */
    record Operand(Optional<String> host, String path) {
        boolean remote() {
            return host.isPresent();
        }

        boolean fleet() {
            return host.isPresent() && host.get().isEmpty();
        }
    }

    static Operand parse(String word) {
        int colon = word.indexOf(':');
        int slash = word.indexOf('/');
        if (colon < 0 || slash >= 0 && slash < colon) {
            return new Operand(Optional.empty(), word);
        }
        return new Operand(Optional.of(word.substring(0, colon)), word.substring(colon + 1));
    }

    /** What a command line asks for, once the operands agree with each other. */
    sealed interface Shape {
        /** Local sources to {@code host}. */
        record Upload(String host, List<String> sources, String destination) implements Shape {}

        /** {@code host}'s sources here. */
        record Download(String host, List<String> sources, String destination) implements Shape {}

        /** Local sources to every selected host. */
        record FanOut(List<String> sources, String destination) implements Shape {}

        /** Every selected host's sources into {@code destination/ALIAS/}. */
        record Gather(List<String> sources, String destination) implements Shape {}
    }

    /** The shape of {@code words} (at least two); a usage error names what does not fit. */
    static Shape shape(List<String> words) throws UsageException {
        if (words.size() < 2) {
            throw new UsageException("cp: give SOURCE... DESTINATION, one side remote (HOST:PATH or :PATH)");
        }
        List<Operand> sources = words.subList(0, words.size() - 1).stream().map(CopyOperands::parse).toList();
        Operand destination = parse(words.get(words.size() - 1));
        List<String> paths = sources.stream().map(Operand::path).toList();
        if (destination.remote()) {
            if (sources.stream().anyMatch(Operand::remote)) {
                throw new UsageException("cp: copies go between here and hosts: a remote source to a remote "
                        + "destination is not supported (copy through a local directory)");
            }
            if (destination.fleet()) {
                return new Shape.FanOut(paths, destination.path());
            }
            return new Shape.Upload(HostArgument.check("cp", destination.host().get()), paths, destination.path());
        }
        if (sources.stream().noneMatch(Operand::remote)) {
            throw new UsageException("cp: both sides are local: name a host as HOST:PATH (or :PATH with a selection)");
        }
        if (sources.stream().anyMatch(source -> !source.remote())) {
            throw new UsageException("cp: the sources must all be on the same side: all local or all HOST:PATH");
        }
        List<String> hosts = sources.stream().map(source -> source.host().get()).distinct().toList();
        if (hosts.size() > 1) {
            throw new UsageException("cp: one remote host per command (" + String.join(", ", hosts.stream()
                    .map(host -> host.isEmpty() ? ":PATH" : host + ":").toList()) + "); use :PATH with --host for several");
        }
        if (hosts.get(0).isEmpty()) {
            return new Shape.Gather(paths, destination.path());
        }
        return new Shape.Download(HostArgument.check("cp", hosts.get(0)), paths, destination.path());
    }
}
