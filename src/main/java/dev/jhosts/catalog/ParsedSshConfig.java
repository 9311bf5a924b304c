package dev.jhosts.catalog;

import java.util.List;

/** What the reader found in the ssh config files, in the order OpenSSH reads them. */
record ParsedSshConfig(List<Section> sections, List<HostDeclaration> declarations) {
    ParsedSshConfig {
        sections = List.copyOf(sections);
        declarations = List.copyOf(declarations);
    }
}
