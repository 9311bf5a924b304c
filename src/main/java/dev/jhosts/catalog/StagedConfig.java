package dev.jhosts.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The whole ssh config as it would be after an edit, in a private temporary directory, for
 * {@code ssh -G -F} to judge before anything is replaced. When the edited file is Included, the
 * files on the way from the main config to it are copied with the Include line that reads the
 * next one rewritten to name the copies (the other files it matches by their own paths, in
 * the glob's order); every other line and file is read where it is, so line numbers in ssh's
 * messages are those of the real files.
 */
final class StagedConfig implements AutoCloseable {
    private final Path directory;
    private final Path main;
    private final Map<String, String> realNames;

    private StagedConfig(Path directory, Path main, Map<String, String> realNames) {
        this.directory = directory;
        this.main = main;
        this.realNames = realNames;
    }

    /**
     * The files from {@code mainConfig} to the one whose real path is {@code target}, each read by
     * an Include line of the one before; empty when no Include reaches it.
     */
    static Optional<List<Path>> chain(Path mainConfig, Path target, IncludePaths includes) {
        Path real = real(target);
        List<Path> path = new ArrayList<>();
        path.add(mainConfig);
        if (real(mainConfig).equals(real)) {
            return Optional.of(path);
        }
        return search(mainConfig, real, includes, path, new HashSet<>()) ? Optional.of(path) : Optional.empty();
    }

    private static boolean search(Path file, Path target, IncludePaths includes, List<Path> path, Set<Path> visited) {
        if (path.size() > SshConfigReader.MAX_DEPTH || !visited.add(real(file))) {
            return false;
        }
        for (Path included : includedBy(file, includes, target)) {
            path.add(included);
            if (real(included).equals(target) || search(included, target, includes, path, visited)) {
                return true;
            }
            path.remove(path.size() - 1);
        }
        return false;
    }

    private static List<Path> includedBy(Path file, IncludePaths includes, Path target) {
        List<Path> files = new ArrayList<>();
        ConfigDocument document;
        try {
            if (!Files.isRegularFile(file)) {
                return files;
            }
            document = ConfigDocument.parse(Files.readAllBytes(file));
        } catch (IOException e) {
            return files;
        }
        for (ConfigDocument.Line line : document.lines()) {
            if (line.is("include")) {
                files.addAll(expansion(line, includes, target));
            }
        }
        return files;
    }

    /**
     * The files an Include line reads, in ssh's order, with {@code target} among them when the line
     * names it but it does not exist yet (a new file for a new host).
     */
    private static List<Path> expansion(ConfigDocument.Line line, IncludePaths includes, Path target) {
        List<Path> files = new ArrayList<>();
        for (String argument : ConfigDocument.arguments(line)) {
            List<Path> found = new ArrayList<>();
            if (includes.expand(argument, true) instanceof IncludePaths.Expansion.Files matched) {
                found.addAll(matched.files());
            }
            if (!Files.exists(target) && includes.names(argument, true, target)) {
                found.add(target);
                IncludePaths.sort(found);
            }
            files.addAll(found);
        }
        return files;
    }

    /** Stages {@code chain} (from {@link #chain}) with {@code newBytes} in place of its last file. */
    static StagedConfig stage(List<Path> chain, byte[] newBytes, IncludePaths includes) throws IOException {
        Path directory = Files.createTempDirectory("jhosts-edit-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Map<String, String> realNames = new LinkedHashMap<>();
        Path next = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            Path original = chain.get(i);
            Path staged = directory.resolve(i + "-" + original.getFileName());
            byte[] bytes = i == chain.size() - 1 ? newBytes : rewritten(original, chain.get(i + 1), next, includes);
            Files.write(staged, bytes);
            Files.setPosixFilePermissions(staged, PosixFilePermissions.fromString("rw-------"));
            realNames.put(staged.toString(), original.toString());
            next = staged;
        }
        return new StagedConfig(directory, next, realNames);
    }

    /** {@code file}'s bytes with each Include line that reads {@code included} naming {@code staged} instead. */
    private static byte[] rewritten(Path file, Path included, Path staged, IncludePaths includes) throws IOException {
        ConfigDocument document = ConfigDocument.parse(Files.readAllBytes(file));
        Path target = real(included);
        List<ConfigDocument.Line> lines = new ArrayList<>(document.lines());
        for (int i = 0; i < lines.size(); i++) {
            ConfigDocument.Line line = lines.get(i);
            if (!line.is("include")) {
                continue;
            }
            List<Path> files = expansion(line, includes, target);
            if (files.stream().noneMatch(candidate -> real(candidate).equals(target))) {
                continue;
            }
            StringBuilder text = new StringBuilder(line.indentation()).append(line.keyword());
            for (Path candidate : files) {
                text.append(' ').append(quoted((real(candidate).equals(target) ? staged : candidate).toString()));
            }
            lines.set(i, line.withText(text.toString()));
        }
        return ConfigDocument.of(lines).bytes();
    }

    private static String quoted(String path) {
        return "\"" + path.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static Path real(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException | SecurityException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    /** The staged main config, for {@code ssh -F}. */
    Path main() {
        return main;
    }

    /** ssh's text with the staged files named as the real ones. */
    String described(String text) {
        String described = text;
        for (Map.Entry<String, String> names : realNames.entrySet()) {
            described = described.replace(names.getKey(), names.getValue());
        }
        return described;
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A temporary directory left behind holds nothing secret: a copy of an ssh config.
        }
    }
}
