package io.arcnode.workbench.internal.commissioning;

/** The event broker topics of the commissioning parts; all are sent on the UI thread, data the session. */
public final class CommissioningEvents {

    /** The gateway connections or the connected gateway changed. */
    public static final String CONNECTION = "arcnode/commissioning/connection";
    /** A poll of the gateway's live data arrived (or it went offline). */
    public static final String POLL = "arcnode/commissioning/poll";
    /** The gateway's applied topology, the engineer's edits or the design changed. */
    public static final String TOPOLOGY = "arcnode/commissioning/topology";

    private CommissioningEvents() {
    }
}
