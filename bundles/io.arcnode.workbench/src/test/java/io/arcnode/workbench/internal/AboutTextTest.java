package io.arcnode.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AboutTextTest {

    @Test
    void namesTheProductAndTheVersion() {
        assertEquals("ArcNode Workbench\nVersion 0.1.0.v20250101-1200", AboutText.of("0.1.0.v20250101-1200"));
    }

    @Test
    void refusesAMissingVersion() {
        assertThrows(NullPointerException.class, () -> AboutText.of(null));
    }
}
