package io.arcnode.workbench.internal.commissioning;

/** Ids and widget data keys of the Commissioning perspective (the UI test finds widgets by them). */
public final class CommissioningParts {

    /** The perspective. */
    public static final String PERSPECTIVE = "io.arcnode.workbench.perspective.commissioning";
    /** Widget data key of the parts' widgets; the values are the constants below. */
    public static final String ROLE_KEY = "arcnode.role";
    /** The e4 CSS engine's widget data key of a style class ({@code css/arcnode.css}). */
    static final String CSS_CLASS_KEY = "org.eclipse.e4.ui.css.CssClassName";

    static final String CONNECTIONS = "gateway.connections";
    static final String STATUS = "gateway.status";
    static final String ADAPTERS = "gateway.adapters";
    static final String TOPOLOGY = "topology.table";
    static final String VERSION = "topology.version";
    static final String EDIT_MESSAGE = "topology.message";
    static final String DESIGN = "topology.design";
    static final String DIFF = "topology.diff";
    static final String VALUES = "live.values";
    static final String TREND = "live.trend";
    /** Data key on the trend canvas: the number of samples the chart drew last. */
    public static final String TREND_SAMPLES_KEY = "arcnode.trend.samples";
    static final String ALARMS = "alarms.table";

    private CommissioningParts() {
    }
}
