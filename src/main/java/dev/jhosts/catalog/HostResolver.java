package dev.jhosts.catalog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists the hosts of a parsed ssh config and gives each the values OpenSSH would use, reading
 * the blocks as {@code ssh} does (readconf.c, ssh.c):
 *
 * <ul>
 *   <li>blocks are visited in reading order, and the first value obtained for an option wins;
 *   <li>a Match line is evaluated at its place, against what the host has obtained before it
 *       ({@code host}: the HostName so far, {@code user}: the User so far, {@code tagged}: the
 *       Tag so far), and the blocks it Includes use that result;
 *   <li>when a Match line asks for {@code final}, or CanonicalizeHostname is on, the config is
 *       read a second time: Host lines are then matched against the host name (lower case),
 *       {@code canonical} and {@code final} hold, and only options still unset are taken
 *       (HostName is fixed by then).
 * </ul>
 *
 * A Match criterion jhosts does not run ({@code exec}, {@code localnetwork}, ...) leaves its
 * block unknown: the block's own options are not taken, the hosts it Includes are listed with
 * theirs, and a host the block could give a value it has not obtained yet is marked
 * ({@link Host#uncertainty}). The blocks tried for a host come from a {@link SectionIndex}, so a
 * large config does not cost (hosts × blocks).
 */
final class HostResolver {
    private static final String SHELL_CHARACTERS = "'`\"$\\;&<>|(){},";

    private final Warnings warnings;
    private final String localUser;
    /** Sections tried and patterns compared, all hosts together: what keeps the list linear in the config. */
    private long work;
    /** Whether the blocks tried come from the index; without it, every block is tried (the reference). */
    private final boolean indexed;

    HostResolver(Warnings warnings, String localUser) {
        this(warnings, localUser, true);
    }

    HostResolver(Warnings warnings, String localUser, boolean indexed) {
        this.warnings = warnings;
        this.localUser = localUser;
        this.indexed = indexed;
    }

    /** The hosts in the order their first Host line appears. */
    List<Host> hosts(ParsedSshConfig config) {
        Readings readings = new Readings(config);
        // Kept only while the alias is not listed: another Host line may declare it later.
        Map<String, Resolution> resolved = new HashMap<>();
        List<Host> hosts = new ArrayList<>();
        Set<String> listed = new HashSet<>(Math.max(16, config.declarations().size() * 4 / 3 + 1));
        for (HostDeclaration declaration : config.declarations()) {
            String alias = declaration.alias();
            if (!listed.add(alias)) {
                continue;
            }
            Resolution resolution = resolved.isEmpty() ? null : resolved.remove(alias);
            if (resolution == null) {
                resolution = resolve(alias, readings);
            }
            if (!resolution.declares(declaration.section())) {
                resolved.put(alias, resolution);
                listed.remove(alias);
                continue;
            }
            if (!usableWithSsh(alias)) {
                warnings.at(declaration.file(), declaration.line(), "Host " + alias
                        + " is not listed: ssh refuses host names with spaces, quotes or shell characters");
                continue;
            }
            hosts.add(resolution.host(declaration));
        }
        return hosts;
    }

    /** The work of the hosts listed so far: sections tried, conditions and patterns compared. */
    long work() {
        return work;
    }

    /** OpenSSH's ssh_valid_hostname (9.6, and Debian's 9.2): no leading '-', no shell characters, no ASCII space or control. */
    static boolean usableWithSsh(String alias) {
        if (alias.startsWith("-")) {
            return false;
        }
        for (int i = 0; i < alias.length(); i++) {
            char c = alias.charAt(i);
            if (SHELL_CHARACTERS.indexOf(c) >= 0 || c <= ' ' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** The config's index for the first reading, and for the second once a host needs it. */
    private final class Readings {
        private final ParsedSshConfig config;
        private final SectionIndex first;
        private SectionIndex second;

        Readings(ParsedSshConfig config) {
            this.config = config;
            this.first = new SectionIndex(config.sections(), new Condition.Reading(false, localUser), indexed);
        }

        SectionIndex second() {
            if (second == null) {
                second = new SectionIndex(config.sections(), new Condition.Reading(true, localUser), indexed);
            }
            return second;
        }
    }

    private Resolution resolve(String alias, Readings readings) {
        byte[] aliasBytes = alias.getBytes(StandardCharsets.UTF_8);
        Pass one = new Pass(readings.first, alias, aliasBytes, alias, new Object[Field.ALL.length], List.of(alias));
        one.run();
        // A Match host line sees the alias until a HostName is obtained, then that HostName. The
        // blocks found for the alias settle the HostName (a line that only the HostName matches
        // cannot hold before it is obtained); read again with the lines the HostName finds too.
        String reached = one.host();
        if (readings.first.indexesMatchHost() && !AsciiCase.lowerCase(reached).equals(AsciiCase.lowerCase(alias))) {
            one = new Pass(readings.first, alias, aliasBytes, alias, new Object[Field.ALL.length], List.of(alias, reached));
            one.run();
        }
        Object[] obtained = one.result();
        String hostname = HostnameForm.canonical(obtained[Field.HOSTNAME.ordinal()] == null
                ? alias : expandedHostName(one.hostNameSection(), alias));
        obtained[Field.HOSTNAME.ordinal()] = hostname;
        String uncertainty = one.uncertainty;
        Pass two = null;
        boolean canonicalizes = canonicalizes(obtained[Field.CANONICALIZE_HOSTNAME.ordinal()]);
        if (readings.config.finalPassRequested() || canonicalizes) {
            if (canonicalizes && uncertainty.isEmpty()) {
                uncertainty = dnsUncertainty(obtained, hostname);
            }
            two = new Pass(readings.second(), hostname, hostname.getBytes(StandardCharsets.UTF_8), alias, obtained,
                    List.of(hostname));
            two.run();
            obtained = two.result();
            if (uncertainty.isEmpty()) {
                uncertainty = two.uncertainty;
            }
        }
        return new Resolution(alias, obtained, one, two, uncertainty);
    }

    private static boolean canonicalizes(Object value) {
        return "yes".equals(value) || "always".equals(value) || "true".equals(value);
    }

    /**
     * ssh.c's resolve_canonicalize asks DNS for a host name ending in a dot, or for the name
     * with each CanonicalDomains suffix when it has no more dots than CanonicalizeMaxDots
     * (default 1); not for an address, nor when a proxy is used (unless CanonicalizeHostname is
     * always). jhosts does not ask DNS.
     */
    private static String dnsUncertainty(Object[] obtained, String hostname) {
        Object proxy = obtained[Field.PROXY.ordinal()];
        boolean direct = proxy == null || (proxy instanceof ProxySetting.Jump jump && jump.printed().isEmpty());
        if ((!direct && !"always".equals(obtained[Field.CANONICALIZE_HOSTNAME.ordinal()]))
                || HostnameForm.isAddress(hostname)) {
            return "";
        }
        Object domains = obtained[Field.CANONICAL_DOMAINS.ordinal()];
        Object maxDots = obtained[Field.CANONICALIZE_MAX_DOTS.ordinal()];
        long dots = hostname.chars().filter(c -> c == '.').count();
        boolean suffixed = domains != null && !((String) domains).split(" ")[0].equalsIgnoreCase("none")
                && dots <= (maxDots == null ? 1 : (Integer) maxDots);
        if (hostname.endsWith(".") || suffixed) {
            return "CanonicalizeHostname: ssh may rename the host through DNS";
        }
        return "";
    }

    /** What one host obtained from one or two readings of the config. */
    private final class Resolution {
        private final String alias;
        private final Object[] obtained;
        private final Pass first;
        private final Pass second;
        private final String uncertainty;

        Resolution(String alias, Object[] obtained, Pass first, Pass second, String uncertainty) {
            this.alias = alias;
            this.obtained = obtained;
            this.first = first;
            this.second = second;
            this.uncertainty = uncertainty;
        }

        /** Whether ssh would read the declaring block for the alias (or might: unknown counts). */
        boolean declares(Section section) {
            return first.truth(section).owned() != Truth.FALSE
                    || (second != null && second.truth(section).owned() != Truth.FALSE);
        }

        Host host(HostDeclaration declaration) {
            List<String> tags = new ArrayList<>();
            Object tag = obtained[Field.TAG.ordinal()];
            if (tag != null) {
                tags.add((String) tag);
            }
            HostNotes own = first.notes;
            tags.addAll(own.tags());
            HostNotes notes = new HostNotes(tags, own.group(), own.description(), own.favourite());
            Object user = obtained[Field.USER.ordinal()];
            Object port = obtained[Field.PORT.ordinal()];
            Object proxy = obtained[Field.PROXY.ordinal()];
            return new Host(alias, (String) obtained[Field.HOSTNAME.ordinal()],
                    user == null ? localUser : (String) user,
                    port == null ? 22 : (Integer) port,
                    proxy instanceof ProxySetting.Jump jump ? jump.printed() : "",
                    notes.tags(), notes.group(), notes.description(), notes.favourite(),
                    false, declaration.file(), declaration.line(), uncertainty);
        }
    }

    /** A section's value for a host: its enclosing blocks' and its own. */
    private record SectionTruth(Truth guard, Truth own) {
        /** Whether its options are taken: an unknown enclosing Match admits what it Includes. */
        boolean taken() {
            return guard != Truth.FALSE && own == Truth.TRUE;
        }

        Truth owned() {
            return guard.and(own);
        }
    }

    /**
     * One reading of the config for one host. {@code earlier}: the values of the first reading
     * (they stay), or nothing yet.
     */
    private final class Pass implements Condition.Match.Subject {
        private final SectionIndex index;
        private final String name;
        private final byte[] nameBytes;
        private final String alias;
        private final Object[] earlier;
        /** The first section, among those tried one by one, that gave each field. */
        private final Section[] taken = new Section[Field.ALL.length];
        /** The Match lines evaluated so far; made for the first. */
        private Map<Condition.Match, Truth> matches = Map.of();
        private HostNotes notes = HostNotes.NONE;
        private String uncertainty = "";
        /** The order of the section being read, for values "obtained so far". */
        private int position;
        /** The names its Match host lines may see: the alias, the HostName (first reading), the host name (second). */
        private final List<String> hostSubjects;

        Pass(SectionIndex index, String name, byte[] nameBytes, String alias, Object[] earlier, List<String> hostSubjects) {
            this.index = index;
            this.hostSubjects = hostSubjects;
            this.name = name;
            this.nameBytes = nameBytes;
            this.alias = alias;
            this.earlier = earlier;
        }

        void run() {
            for (Section section : index.candidates(name, nameBytes, alias, hostSubjects)) {
                work++;
                position = section.order();
                if (section.opensBlock() && section.own() instanceof Condition.Match match && !match.isConstant()) {
                    if (matches.isEmpty()) {
                        matches = new IdentityHashMap<>();
                    }
                    matches.put(match, match.evaluate(this));
                }
                SectionTruth truth = truth(section);
                if (truth.owned() == Truth.FALSE) {
                    continue;
                }
                if (truth.owned() == Truth.UNKNOWN && uncertainty.isEmpty()) {
                    noteUncertainty(section);
                }
                if (!truth.taken()) {
                    continue;
                }
                for (Field field : Field.ALL) {
                    if (taken[field.ordinal()] == null && section.value(field) != null) {
                        taken[field.ordinal()] = section;
                    }
                }
                if (!index.reading().finalPass()) {
                    notes = notes.then(section.notes());
                }
            }
            position = Integer.MAX_VALUE;
        }

        SectionTruth truth(Section section) {
            Truth guard = Truth.TRUE;
            for (Condition condition : section.guard()) {
                guard = guard.and(truthOf(condition));
                if (guard == Truth.FALSE) {
                    return new SectionTruth(Truth.FALSE, Truth.FALSE);
                }
            }
            return new SectionTruth(guard, truthOf(section.own()));
        }

        private Truth truthOf(Condition condition) {
            work++;
            if (condition instanceof Condition.HostLine host) {
                work += host.comparisons();
                return Truth.of(host.applies(name, nameBytes));
            }
            if (condition instanceof Condition.Match match && !match.isConstant()) {
                // Not evaluated: its line was not reached because an enclosing block does not apply.
                return matches.getOrDefault(match, Truth.FALSE);
            }
            return condition.constant(index.reading()).orElse(Truth.FALSE);
        }

        /** An unknown block may touch the host if it sets a field the host has not obtained yet. */
        private void noteUncertainty(Section section) {
            for (Field field : Field.ALL) {
                if (section.value(field) != null && current(field) == null
                        && (field != Field.HOSTNAME || !index.reading().finalPass())) {
                    uncertainty = describeUnknown(section) + " may set " + field.option();
                    return;
                }
            }
        }

        private String describeUnknown(Section section) {
            Condition.Match unknown = null;
            for (Condition condition : section.guard()) {
                if (condition instanceof Condition.Match match && matches.get(match) == Truth.UNKNOWN) {
                    unknown = match;
                    break;
                }
            }
            if (unknown == null && section.own() instanceof Condition.Match match) {
                unknown = match;
            }
            if (unknown == null) {
                return "a Match block";
            }
            String criterion = unknown.notEvaluated().map(c -> "Match " + (c.negated() ? "!" : "") + c.attribute())
                    .orElse("Match");
            return criterion + " at " + warnings.display(unknown.file()) + ":" + unknown.line();
        }

        /** The field's value as obtained before the section being read, or null. */
        private Object current(Field field) {
            Object before = earlier[field.ordinal()];
            if (before != null) {
                return before;
            }
            Section perHost = taken[field.ordinal()];
            Section every = index.everyHost(field);
            Section first = perHost;
            if (every != null && every.order() < position && (first == null || every.order() < first.order())) {
                first = every;
            }
            return first == null ? null : first.value(field);
        }

        /** The section that gave HostName in this reading, or null. */
        Section hostNameSection() {
            Section perHost = taken[Field.HOSTNAME.ordinal()];
            Section every = index.everyHost(Field.HOSTNAME);
            if (every != null && (perHost == null || every.order() < perHost.order())) {
                return every;
            }
            return perHost;
        }

        /** The values after this reading: the earlier ones, then the first of each field here. */
        Object[] result() {
            Object[] values = earlier.clone();
            for (Field field : Field.ALL) {
                if (values[field.ordinal()] == null) {
                    values[field.ordinal()] = current(field);
                }
            }
            return values;
        }

        @Override
        public Condition.Reading reading() {
            return index.reading();
        }

        @Override
        public String host() {
            if (index.reading().finalPass()) {
                return name;
            }
            Object hostName = current(Field.HOSTNAME);
            if (hostName == null) {
                return alias;
            }
            Section from = taken[Field.HOSTNAME.ordinal()];
            Section every = index.everyHost(Field.HOSTNAME);
            if (every != null && every.order() < position && (from == null || every.order() < from.order())) {
                from = every;
            }
            return expandedHostName(from, alias);
        }

        @Override
        public String originalHost() {
            return alias;
        }

        @Override
        public String user() {
            Object user = current(Field.USER);
            return user == null ? localUser : (String) user;
        }

        @Override
        public String tag() {
            Object tag = current(Field.TAG);
            return tag == null ? "" : (String) tag;
        }
    }

    /** HostName with ssh's tokens for it: {@code %h} the alias, {@code %%} a percent sign. */
    private String expandedHostName(Section section, String alias) {
        String value = (String) section.value(Field.HOSTNAME);
        if (value.indexOf('%') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + alias.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '%') {
                out.append(c);
            } else if (i + 1 < value.length() && value.charAt(i + 1) == 'h') {
                out.append(alias);
                i++;
            } else if (i + 1 < value.length() && value.charAt(i + 1) == '%') {
                out.append('%');
                i++;
            } else {
                String token = i + 1 < value.length() ? "%" + value.charAt(i + 1) : "%";
                warnings.at(section.file(), section.hostNameLine(),
                        "HostName: unknown token " + token + " (ssh only expands %h and %%)");
                out.append(c);
            }
        }
        return out.toString();
    }
}
