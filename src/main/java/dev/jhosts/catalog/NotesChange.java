package dev.jhosts.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * A change to a host's jhosts notes (its {@code # jhosts:} comment): which of tags, group and
 * description to set, and to what (an empty value or no tags removes it). What is not set stays as
 * the block has it, the favourite mark too.
 */
public record NotesChange(boolean setsTags, List<String> tags, boolean setsGroup, String group,
        boolean setsDescription, String description) {
    /** No change. */
    public static final NotesChange NONE = new NotesChange(false, List.of(), false, "", false, "");

    public NotesChange {
        tags = List.copyOf(tags);
    }

    /** Whether it changes nothing. */
    public boolean isEmpty() {
        return !setsTags && !setsGroup && !setsDescription;
    }

    /** This change with the tags set to {@code given} (each may list several, comma-separated; none clears them). */
    public NotesChange withTags(List<String> given) throws HostEditor.Refused {
        List<String> checked = new ArrayList<>();
        for (String tag : given) {
            checkText("a tag", tag);
            for (String one : tag.split(",", -1)) {
                if (one.isBlank()) {
                    throw new HostEditor.Refused("an empty tag ('" + tag + "'): give each tag a name (--no-tags "
                            + "removes them all)");
                }
                checked.add(one.strip());
            }
        }
        return new NotesChange(true, checked, setsGroup, group, setsDescription, description);
    }

    /** This change with the group set to {@code given} (empty: none). */
    public NotesChange withGroup(String given) throws HostEditor.Refused {
        checkText("the group", given);
        return new NotesChange(setsTags, tags, true, given.strip(), setsDescription, description);
    }

    /** This change with the description set to {@code given} (empty: none). */
    public NotesChange withDescription(String given) throws HostEditor.Refused {
        checkText("the description", given);
        return new NotesChange(setsTags, tags, setsGroup, group, true, given.strip());
    }

    /** {@code notes} with this change made. */
    HostNotes applied(HostNotes notes) {
        return new HostNotes(setsTags ? tags : notes.tags(), setsGroup ? group : notes.group(),
                setsDescription ? description : notes.description(), notes.favourite());
    }

    /** What it sets, for the line printed: {@code , tags prod,web, group (removed)}. */
    String described() {
        StringBuilder text = new StringBuilder();
        if (setsTags) {
            text.append(", tags ").append(tags.isEmpty() ? "(removed)" : String.join(",", tags));
        }
        if (setsGroup) {
            text.append(", group ").append(group.isEmpty() ? "(removed)" : group);
        }
        if (setsDescription) {
            text.append(", description ").append(description.isEmpty() ? "(removed)" : "\"" + description + "\"");
        }
        return text.toString();
    }

    private static void checkText(String what, String value) throws HostEditor.Refused {
        if (value.chars().anyMatch(c -> c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029)) {
            throw new HostEditor.Refused(what + " contains a line break or control character: a comment line cannot "
                    + "hold it");
        }
    }
}
