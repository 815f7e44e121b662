package io.arcnode.workbench.internal.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpinnerValuesTest {

    @Test
    void selectionsAreTheTextsAUserTypes() {
        assertEquals("12.5", SpinnerValues.text(12_500, 3));
        assertEquals("0", SpinnerValues.text(0, 3));
        assertEquals("560", SpinnerValues.text(560, 0));
        assertEquals("20", SpinnerValues.text(20_000, 3));
    }

    @Test
    void textsBecomeSelectionsNoNumberIsZero() {
        assertEquals(12_500, SpinnerValues.selection("12.5", 3));
        assertEquals(12_345, SpinnerValues.selection(" 12.3456 ", 3), "cut to the spinner's decimals");
        assertEquals(0, SpinnerValues.selection("lots", 0));
        assertEquals(0, SpinnerValues.selection("-4", 0));
        assertEquals(Integer.MAX_VALUE, SpinnerValues.selection("1e30", 3));
    }
}
