package io.arcnode.workbench.internal.orders;

import io.arcnode.workbench.internal.WorkbenchSettings;
import io.arcnode.workbench.orders.api.OrderForm;
import io.arcnode.workbench.orders.api.PlatformClient;
import jakarta.inject.Named;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * Orders > Submit Order: saves the open order, then posts it to the configured platform ({@code POST /submit}) in a
 * job, never on the UI thread, and shows the answer. Offline (no connection, no answer within 5 s) it says so; the
 * order stays in its file either way.
 */
public class SubmitOrderHandler extends OpenOrderHandler {

    /** Dialog titles, which the UI tests look for. */
    public static final String SUBMITTED = "Order submitted";
    public static final String REFUSED = "Order refused";
    public static final String OFFLINE = "Platform offline";
    public static final String INVALID = "Order not valid";
    /** How long the platform has to answer. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, EPartService parts, UISynchronize ui) {
        OrderEditorPart e = OrderHandlers.openEditor(parts);
        if (e == null) {
            return;
        }
        OrderForm.Check check = e.form().check();
        if (!check.valid()) {
            MessageDialog.openError(shell, INVALID, "Fix the order before submitting it:" + OrderHandlers.problems(check));
            return;
        }
        e.save();
        Path file = e.file();
        PlatformClient client;
        try {
            client = new PlatformClient(WorkbenchSettings.platformUrl(), TIMEOUT);
        } catch (IllegalArgumentException bad) {
            OrderDialogs.error(shell, "Platform URL", bad);
            return;
        }
        Job job = Job.create("Submitting order " + file.getFileName() + " to " + client.submitUrl(),
                (IProgressMonitor monitor) -> {
                    PlatformClient.Result r = client.submit(check.payload());
                    ui.asyncExec(() -> show(shell, r, file));
                    return Status.OK_STATUS;
                });
        job.setUser(true);
        job.schedule();
    }

    private static void show(Shell shell, PlatformClient.Result r, Path file) {
        if (shell.isDisposed()) {
            return;
        }
        switch (r.outcome()) {
            case ACCEPTED -> MessageDialog.openInformation(shell, SUBMITTED, "The platform answered: " + r.message());
            case REFUSED -> {
                ILog.of(SubmitOrderHandler.class).log(Status.error("order " + file + " refused: " + r.message()));
                MessageDialog.openError(shell, REFUSED, r.message());
            }
            case OFFLINE -> MessageDialog.openWarning(shell, OFFLINE, r.message() + "\n\nThe order is kept in "
                    + file + "; submit it again when the platform can be reached.");
            default -> throw new IllegalStateException(r.outcome().toString());
        }
    }
}
