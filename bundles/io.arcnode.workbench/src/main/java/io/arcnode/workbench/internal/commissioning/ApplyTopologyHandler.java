package io.arcnode.workbench.internal.commissioning;

import io.arcnode.workbench.commissioning.api.DtmDiff;
import jakarta.inject.Named;
import java.util.List;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

/**
 * Commissioning > Apply Topology (Ctrl+Shift+A, and the Apply button): a confirmation listing every change the
 * gateway will get, then {@code POST /topology} in a job; the topology part shows the result and the new
 * {@code dtm_version}.
 */
public class ApplyTopologyHandler {

    /** Title of the confirmation. */
    public static final String TITLE = "Apply Topology";

    @CanExecute
    public boolean canExecute(@Optional CommissioningSession session) {
        return session != null && session.canApply();
    }

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, CommissioningSession session) {
        confirmAndApply(shell, session);
    }

    static void confirmAndApply(Shell shell, CommissioningSession session) {
        List<DtmDiff.Difference> changes = session.pendingChanges();
        if (session.connection() == null || !session.topologyKnown()) {
            MessageDialog.openInformation(shell, TITLE, "No gateway topology to apply to: connect to a gateway that"
                    + " answers first.");
            return;
        }
        if (changes.isEmpty()) {
            MessageDialog.openInformation(shell, TITLE, "Nothing to apply: the topology shown is the gateway's.");
            return;
        }
        String target = session.connection().name() + " (" + session.connection().url() + ")";
        MessageDialog confirm = new MessageDialog(shell, TITLE, null, "Apply " + changes.size() + " change(s) to "
                + target + "? The gateway restarts only the adapters whose connection changed.",
                MessageDialog.QUESTION, 0, "Apply", "Cancel") {
            @Override
            protected Control createCustomArea(Composite parent) {
                org.eclipse.swt.widgets.List list = new org.eclipse.swt.widgets.List(parent,
                        SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
                list.setData(CommissioningParts.ROLE_KEY, "apply.changes");
                changes.forEach(c -> list.add(c.describe()));
                GridData d = new GridData(SWT.FILL, SWT.FILL, true, true);
                d.heightHint = 220;
                d.widthHint = 640;
                list.setLayoutData(d);
                return list;
            }

            @Override
            protected boolean isResizable() {
                return true;
            }
        };
        if (confirm.open() == 0) {
            session.apply();
        }
    }
}
