package io.arcnode.workbench.internal;

import java.util.List;
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

    /** @return the product, its version and one line per installed feature (label, id, version) */
    public static String of(String version, List<InstalledFeatures.Feature> features) {
        StringBuilder b = new StringBuilder(of(version)).append("\n\nInstalled features:");
        if (features.isEmpty()) {
            b.append("\n(none found in the install area)");
        }
        for (InstalledFeatures.Feature f : features) {
            b.append("\n").append(f.label()).append(" (").append(f.id()).append(") ").append(f.version());
        }
        return b.toString();
    }
}
