package io.arcnode.edp.drawing.api;

import java.util.Locale;

/** Drawing numbers {@code EDP-<first 8 hex digits of the deployment id>-<code>-001}. */
public final class DrawingNumbers {

    private DrawingNumbers() {
    }

    /** {@code of("6d1f0c3a-...", "IG")} is {@code EDP-6D1F0C3A-IG-001}. */
    public static String of(String deploymentId, String code) {
        return "EDP-" + deploymentId.substring(0, Math.min(8, deploymentId.length())).toUpperCase(Locale.ROOT)
                + "-" + code + "-001";
    }
}
