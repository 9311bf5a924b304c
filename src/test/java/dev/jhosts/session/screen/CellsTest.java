package dev.jhosts.session.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CellsTest {
    @Test
    void fillsExactlyTheRangeAsArraysFillDoesForEveryLengthAndOffset() {
        for (int size = 0; size <= 40; size++) {
            for (int from = 0; from <= size; from++) {
                for (int to = from; to <= size; to++) {
                    int[] text = new int[size];
                    long[] style = new long[size];
                    int[] expectedText = new int[size];
                    long[] expectedStyle = new long[size];
                    for (int i = 0; i < size; i++) {
                        text[i] = expectedText[i] = i + 1000;
                        style[i] = expectedStyle[i] = -i;
                    }
                    Cells.fill(text, from, to, 7);
                    Cells.fill(style, from, to, 1L << 40);
                    Arrays.fill(expectedText, from, to, 7);
                    Arrays.fill(expectedStyle, from, to, 1L << 40);
                    assertThat(text).as("int %d [%d, %d)", size, from, to).containsExactly(expectedText);
                    assertThat(style).as("long %d [%d, %d)", size, from, to).containsExactly(expectedStyle);
                }
            }
        }
    }

    @Test
    void anEmptyOrBackwardRangeChangesNothing() {
        int[] text = {1, 2, 3};
        Cells.fill(text, 2, 2, 9);
        Cells.fill(text, 2, 1, 9);
        assertThat(text).containsExactly(1, 2, 3);
    }
}
