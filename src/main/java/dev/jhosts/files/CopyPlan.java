package dev.jhosts.files;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * What a copy will do, worked out before the first byte moves (so that progress can say how
 * much is left), with scp's rules for the destination: several sources need a directory; one
 * source goes into a directory that exists, else becomes the destination's name. Directories
 * are walked breadth-first without following links; a directory is always planned before what
 * goes in it.
 */
final class CopyPlan {
    private final List<Step> steps;
    private final int files;
    private final long bytes;

    private CopyPlan(List<Step> steps) {
        this.steps = List.copyOf(steps);
        this.files = (int) steps.stream().filter(step -> step instanceof Step.CopyFile).count();
        this.bytes = steps.stream().mapToLong(step -> step instanceof Step.CopyFile file ? file.node().size() : 0).sum();
    }

    List<Step> steps() {
        return steps;
    }

    int files() {
        return files;
    }

    long bytes() {
        return bytes;
    }

    /** Plans copying {@code sources} on {@code from} to {@code destination} on {@code to}. */
    static CopyPlan make(Side from, Side to, List<String> sources, String destination, CopyOptions options)
            throws IOException {
        Optional<Node> there = to.stat(destination);
        boolean intoDirectory = there.isPresent() && there.get() instanceof Node.Directory;
        if (!intoDirectory && (sources.size() > 1 || destination.endsWith("/"))) {
            throw new CopyException(to.label() + ": " + EntryNames.shown(destination)
                    + (there.isEmpty() ? ": no such directory" : ": not a directory"));
        }
        List<Step> steps = new ArrayList<>();
        Deque<String[]> walks = new ArrayDeque<>();
        for (String source : sources) {
            Optional<Node> node;
            try {
                node = from.stat(source);
            } catch (SftpException e) {
                if (e.sessionLost()) {
                    throw e;
                }
                steps.add(new Step.Refused(source, e.status().words(), ""));
                continue;
            }
            if (node.isEmpty()) {
                steps.add(new Step.Refused(source, "no such file or directory", ""));
                continue;
            }
            Optional<String> target = intoDirectory ? to.child(destination, from.baseName(source))
                    : Optional.of(destination);
            if (target.isEmpty()) {
                steps.add(new Step.Refused(source, "no name for it in " + EntryNames.shown(destination), ""));
                continue;
            }
            if (node.get() instanceof Node.File file) {
                steps.add(new Step.CopyFile(source, target.get(), file, ""));
            } else if (node.get() instanceof Node.Directory directory) {
                if (!options.recursive()) {
                    steps.add(new Step.Refused(source, "is a directory (use -r)", ""));
                    continue;
                }
                steps.add(new Step.MakeDirectory(source, target.get(), directory, ""));
                walks.add(new String[] {source, target.get()});
            } else {
                steps.add(new Step.Refused(source, "not a regular file", ""));
            }
        }
        while (!walks.isEmpty()) {
            String[] walk = walks.poll();
            walk(from, to, walk[0], walk[1], steps, walks);
        }
        return new CopyPlan(steps);
    }

    private static void walk(Side from, Side to, String directory, String target, List<Step> steps,
            Deque<String[]> walks) throws IOException {
        List<Side.Entry> entries = new ArrayList<>();
        try {
            from.list(directory, entries::addAll);
        } catch (SftpException e) {
            if (e.sessionLost()) {
                throw e;
            }
            steps.add(new Step.Refused(directory, "cannot list it: " + e.status().words(), target));
            return;
        } catch (IOException e) {
            steps.add(new Step.Refused(directory, "cannot list it: " + e.getMessage(), target));
            return;
        }
        for (Side.Entry entry : entries) {
            String shownPath = EntryNames.remoteChild(directory, entry.name());
            Optional<String> problem = EntryNames.problem(entry.name());
            Optional<String> source = from.child(directory, entry.name());
            Optional<String> destination = to.child(target, entry.name());
            if (problem.isPresent() || source.isEmpty() || destination.isEmpty()) {
                steps.add(new Step.Refused(shownPath, "refused: " + problem.orElse("a name that leaves its directory"),
                        target));
                continue;
            }
            Node node = entry.node();
            if (node instanceof Node.Directory child) {
                steps.add(new Step.MakeDirectory(source.get(), destination.get(), child, target));
                walks.add(new String[] {source.get(), destination.get()});
            } else if (node instanceof Node.File file) {
                steps.add(new Step.CopyFile(source.get(), destination.get(), file, target));
            } else if (node instanceof Node.Link) {
                try {
                    steps.add(new Step.CopyLink(source.get(), destination.get(), from.readLink(source.get()), target));
                } catch (SftpException e) {
                    if (e.sessionLost()) {
                        throw e;
                    }
                    steps.add(new Step.Refused(source.get(), "cannot read the link: " + e.status().words(), target));
                } catch (IOException e) {
                    steps.add(new Step.Refused(source.get(), "cannot read the link: " + e.getMessage(), target));
                }
            } else {
                steps.add(new Step.Refused(source.get(), "not a regular file", target));
            }
        }
    }
}
