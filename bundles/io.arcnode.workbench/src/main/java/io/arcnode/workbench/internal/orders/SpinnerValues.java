package io.arcnode.workbench.internal.orders;

import java.math.BigDecimal;

/** Between a number spinner's selection (an int with {@code digits} decimals) and the text of a form field. */
final class SpinnerValues {

    private SpinnerValues() {
    }

    /** @return the selection as the text a user would type: 12500 with 3 digits is {@code 12.5} */
    static String text(int selection, int digits) {
        return BigDecimal.valueOf(selection, digits).stripTrailingZeros().toPlainString();
    }

    /**
     * @return {@code text} as a selection with {@code digits} decimals, cut to 0..Integer.MAX_VALUE; 0 when it is no
     *         number (the form keeps the text, and its message says what is wrong until the engineer sets a value)
     */
    static int selection(String text, int digits) {
        try {
            BigDecimal v = new BigDecimal(text.strip()).movePointRight(digits);
            return v.signum() < 0 ? 0 : v.min(BigDecimal.valueOf(Integer.MAX_VALUE)).intValue();
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
