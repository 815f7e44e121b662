package io.arcnode.workbench.internal;

import java.util.Objects;

/** The About dialog's text; plain so it is unit-testable without a display. */
public final class AboutText {

    public static final String PRODUCT_NAME = "ArcNode Workbench";

    private AboutText() {
    }

    public static String of(String version) {
        Objects.requireNonNull(version, "version");
        return PRODUCT_NAME + "\nVersion " + version;
    }
}
