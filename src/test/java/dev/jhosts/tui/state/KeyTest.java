package dev.jhosts.tui.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyTest {
    /** Every key there is, once: the code points of a few scripts, every Ctrl letter, every name. */
    private static List<Key> everyKindOfKey() {
        List<Key> keys = new ArrayList<>();
        for (int codePoint : new int[] {'a', 'z', 'A', '0', ' ', '~', 0xe9, 0x3b1, 0x4e2d, 0x1f600, 0x10ffff}) {
            keys.add(new Key.Typed(codePoint));
        }
        for (char letter = 'a'; letter <= 'z'; letter++) {
            keys.add(Key.ctrl(letter));
        }
        for (Key.Name name : Key.Name.values()) {
            keys.add(Key.named(name));
        }
        return keys;
    }

    @Test
    void keysAreEqualExactlyWhenTheyAreTheSameKindWithTheSameValue() {
        List<Key> keys = everyKindOfKey();
        List<Key> again = everyKindOfKey();
        for (int i = 0; i < keys.size(); i++) {
            for (int j = 0; j < again.size(); j++) {
                assertThat(keys.get(i).equals(again.get(j))).as(keys.get(i) + " = " + again.get(j)).isEqualTo(i == j);
                if (i == j) {
                    assertThat(keys.get(i).hashCode()).isEqualTo(again.get(j).hashCode());
                }
            }
        }
        assertThat(Key.typed('c')).isNotEqualTo(Key.ctrl('c')).isNotEqualTo(null).isNotEqualTo("c");
    }

    @Test
    void noTwoKeysShareAHashSoTheTablesNeverCollide() {
        Set<Integer> hashes = new HashSet<>();
        for (Key key : everyKindOfKey()) {
            assertThat(hashes.add(key.hashCode())).as(key.toString()).isTrue();
        }
    }

    @Test
    void aKeyStillPrintsAsARecord() {
        assertThat(Key.ctrl('c')).hasToString("Ctrl[letter=c]");
        assertThat(Key.named(Key.Name.F5)).hasToString("Named[name=F5]");
    }
}
