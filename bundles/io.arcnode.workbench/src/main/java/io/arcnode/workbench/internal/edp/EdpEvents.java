package io.arcnode.workbench.internal.edp;

/** The event broker topics of the EDP parts. */
public final class EdpEvents {

    /** Data: the order file whose packages changed (a generation finished). */
    public static final String CHANGED = "arcnode/edp/changed";
    /** Data: the {@link io.arcnode.workbench.edp.api.EdpArtifact} to show in the document table. */
    public static final String SHOW = "arcnode/edp/show";
    /** Data: the {@link io.arcnode.workbench.edp.api.EdpArtifact} {@code dtm.json} to show in the DTM viewer. */
    public static final String SHOW_DTM = "arcnode/edp/showdtm";
    /** Data: the {@link io.arcnode.workbench.edp.api.EdpArtifact} PDF to show in the drawing viewer. */
    public static final String SHOW_DRAWING = "arcnode/edp/showdrawing";
    /** Data: the {@link io.arcnode.workbench.edp.api.EdpArtifact} .glb or .step to show in the model viewer. */
    public static final String SHOW_MODEL = "arcnode/edp/showmodel";

    private EdpEvents() {
    }
}
