package dev.jhosts.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Port arguments as OpenSSH's {@code a2port} reads them: a number from 1 to 65535, or a TCP
 * service name from the services database ({@code Port ssh} is 22).
 */
final class PortNumbers {
    private final Path servicesFile;
    private volatile Map<String, Integer> services;

    PortNumbers(Path servicesFile) {
        this.servicesFile = servicesFile;
    }

    static PortNumbers system() {
        return new PortNumbers(Path.of("/etc/services"));
    }

    /** The port, or empty when ssh would reject the argument ("Bad port"). */
    OptionalInt parse(String argument) {
        if (!argument.isEmpty() && argument.length() <= 5 && argument.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int value = Integer.parseInt(argument);
            return value >= 1 && value <= 65535 ? OptionalInt.of(value) : OptionalInt.empty();
        }
        Integer named = services().get(argument);
        return named == null ? OptionalInt.empty() : OptionalInt.of(named);
    }

    private Map<String, Integer> services() {
        Map<String, Integer> loaded = services;
        if (loaded == null) {
            loaded = load();
            services = loaded;
        }
        return loaded;
    }

    /** "name port/proto [aliases...]" lines; the first entry of a name wins, as getservbyname does. */
    private Map<String, Integer> load() {
        Map<String, Integer> byName = new ConcurrentHashMap<>();
        try {
            for (String line : Files.readAllLines(servicesFile, java.nio.charset.StandardCharsets.ISO_8859_1)) {
                int hash = line.indexOf('#');
                String[] words = (hash >= 0 ? line.substring(0, hash) : line).trim().split("[ \t]+");
                if (words.length < 2 || !words[1].toLowerCase(Locale.ROOT).endsWith("/tcp")) {
                    continue;
                }
                String number = words[1].substring(0, words[1].indexOf('/'));
                if (number.isEmpty() || !number.chars().allMatch(Character::isDigit) || number.length() > 5) {
                    continue;
                }
                int port = Integer.parseInt(number);
                for (int i = 0; i < words.length; i++) {
                    if (i != 1) {
                        byName.putIfAbsent(words[i], port);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return byName;
    }
}
