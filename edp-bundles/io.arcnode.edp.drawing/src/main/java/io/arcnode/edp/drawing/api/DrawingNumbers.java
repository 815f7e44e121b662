package io.arcnode.edp.drawing.api;

import java.util.Locale;

/** Drawing numbers {@code EDP-<first 8 hex digits of the deployment id>-<code>-001}. */
final class DrawingNumbers {

    private DrawingNumbers() {
    }

    static String of(String deploymentId, String code) {
        return "EDP-" + deploymentId.substring(0, Math.min(8, deploymentId.length())).toUpperCase(Locale.ROOT)
                + "-" + code + "-001";
    }
}
