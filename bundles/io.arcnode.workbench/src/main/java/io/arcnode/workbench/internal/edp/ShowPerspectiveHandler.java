package io.arcnode.workbench.internal.edp;

import jakarta.inject.Named;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/** Window > Orders / EDP Review: the command's parameter names the perspective. */
public class ShowPerspectiveHandler {

    /** The command parameter: a perspective id. */
    public static final String PARAMETER = "io.arcnode.workbench.commandparameter.perspective";

    @Execute
    public void execute(@Named(PARAMETER) String perspective, EModelService models, EPartService parts,
            MApplication app) {
        EdpPerspective.switchTo(perspective, models, parts, app);
    }
}
