package io.arcnode.workbench.internal;

import java.util.List;

/** The navigator's top-level nodes. Placeholders: their children (orders, EDP packages, gateways) come in later issues. */
public final class NavigatorNodes {

    public static final List<String> TOP_LEVEL = List.of("Orders", "EDP packages", "Gateways");

    private NavigatorNodes() {
    }
}
