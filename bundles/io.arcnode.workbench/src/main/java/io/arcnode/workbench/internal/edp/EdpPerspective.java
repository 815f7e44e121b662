package io.arcnode.workbench.internal.edp;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/** Switching between the perspectives of the application model. */
public final class EdpPerspective {

    /** The EDP review perspective. */
    public static final String ID = "io.arcnode.workbench.perspective.edp";
    /** The Orders perspective. */
    public static final String ORDERS = "io.arcnode.workbench.perspective.orders";

    private EdpPerspective() {
    }

    /** Shows the EDP review perspective. */
    public static void show(EModelService models, EPartService parts, MApplication app) {
        switchTo(ID, models, parts, app);
    }

    /** Shows the perspective {@code id}. */
    public static void switchTo(String id, EModelService models, EPartService parts, MApplication app) {
        if (models.find(id, app) instanceof MPerspective p) {
            parts.switchPerspective(p);
        }
    }
}
