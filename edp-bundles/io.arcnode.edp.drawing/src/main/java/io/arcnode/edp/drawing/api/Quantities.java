package io.arcnode.edp.drawing.api;

import java.math.BigDecimal;

/** How the drawings write quantities, so that every drawing writes the same value the same way. */
public final class Quantities {

    private Quantities() {
    }

    /** Without trailing zeros or exponent: {@code 20}, {@code 2.5}, {@code 27}. */
    public static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
