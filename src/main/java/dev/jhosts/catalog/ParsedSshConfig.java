package dev.jhosts.catalog;

import java.util.List;

/**
 * What the reader found in the ssh config files, in the order OpenSSH reads them.
 *
 * @param finalPassRequested a Match line asks for {@code canonical} or {@code final}, which
 *     makes ssh read the config a second time
 */
record ParsedSshConfig(List<Section> sections, List<HostDeclaration> declarations, boolean finalPassRequested) {
    ParsedSshConfig {
        sections = List.copyOf(sections);
        declarations = List.copyOf(declarations);
    }
}
