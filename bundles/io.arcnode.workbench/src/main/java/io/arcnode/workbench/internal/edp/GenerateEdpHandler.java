package io.arcnode.workbench.internal.edp;

import io.arcnode.api.edp.ArtifactKind;
import io.arcnode.api.edp.ArtifactRef;
import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.workbench.edp.api.EdpPackages;
import io.arcnode.workbench.edp.api.EdpRevision;
import io.arcnode.workbench.internal.orders.OpenOrderHandler;
import io.arcnode.workbench.internal.orders.OrderEditorPart;
import io.arcnode.workbench.internal.orders.OrderHandlers;
import io.arcnode.workbench.orders.api.OrderForm;
import jakarta.inject.Named;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * Orders > Generate EDP (M1+G): saves the open order and generates its EDP offline, in this process, as a job with
 * one progress step per artifact, cancelable; the new revision then opens in the EDP perspective with its BOM and
 * its DTM.
 */
public class GenerateEdpHandler extends OpenOrderHandler {

    /** Dialog titles the UI tests look for. */
    public static final String FAILED = "EDP generation failed";

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, EPartService parts, UISynchronize ui,
            IEventBroker events, EModelService models, MApplication app) {
        SavedOrder order = savedValidOrder(parts, shell, FAILED, "generating");
        if (order == null) {
            return;
        }
        EdpPackages packages = new EdpPackages(order.file());
        schedule("Generating the EDP of " + order.file().getFileName(), FAILED, order.file(), shell, parts, ui,
                events, models, app, progress -> packages.generate(order.payload(), progress));
    }

    /** The open order, saved, and its payload. */
    record SavedOrder(Path file, ConfiguratorPayload payload) {
    }

    /**
     * @return the order open in the editor, saved, with its payload; null when none is open, or when it is invalid
     *         (a dialog titled {@code failedTitle} lists its problems)
     */
    static SavedOrder savedValidOrder(EPartService parts, Shell shell, String failedTitle, String verb) {
        OrderEditorPart editor = OrderHandlers.openEditor(parts);
        if (editor == null) {
            return null;
        }
        OrderForm.Check check = editor.form().check();
        if (!check.valid()) {
            MessageDialog.openError(shell, failedTitle, "Fix the order before " + verb + " its EDP:"
                    + OrderHandlers.problems(check));
            return null;
        }
        editor.save();
        return new SavedOrder(editor.file(), check.payload());
    }

    /** What a job does with the order's packages: a generation or a fetch. */
    interface Work {
        EdpRevision run(EdpPackages.Progress progress) throws Exception;
    }

    /**
     * Runs {@code work} as a user job with one progress step per artifact, cancelable; the new revision opens in the
     * EDP perspective with its BOM and DTM; a failure goes into a dialog titled {@code failedTitle} and the log.
     */
    static void schedule(String title, String failedTitle, Path order, Shell shell, EPartService parts,
            UISynchronize ui, IEventBroker events, EModelService models, MApplication app, Work work) {
        Job job = Job.create(title, (IProgressMonitor monitor) -> {
            try {
                EdpRevision r = work.run(new EdpPackages.Progress() {
                    @Override
                    public void planned(int total) {
                        monitor.beginTask(title, total);
                    }

                    @Override
                    public void written(ArtifactRef ref, int index, int total, int bytes) {
                        monitor.subTask(index + "/" + total + ": " + ref.kind().json() + " (" + ref.format() + ")");
                        monitor.worked(1);
                    }

                    @Override
                    public boolean cancelled() {
                        return monitor.isCanceled();
                    }
                });
                ui.asyncExec(() -> {
                    EdpPerspective.show(models, parts, app); // creates its parts the first time
                    events.send(EdpEvents.CHANGED, order);
                    r.find(ArtifactKind.BOM, "json").ifPresent(bom -> events.send(EdpEvents.SHOW, bom));
                    r.find(ArtifactKind.DTM, "json").ifPresent(dtm -> events.send(EdpEvents.SHOW_DTM, dtm));
                });
                return Status.OK_STATUS;
            } catch (CancellationException e) {
                return Status.CANCEL_STATUS;
            } catch (Exception | LinkageError e) { // a ValidationException, a store or platform failure, a class
                ILog.of(GenerateEdpHandler.class).error(title + " failed: " + e.getMessage(), e);
                ui.asyncExec(() -> MessageDialog.openError(shell, failedTitle, e.getMessage()));
                return Status.info("failed: " + e.getMessage());
            } finally {
                monitor.done();
            }
        });
        job.setUser(true);
        job.schedule();
    }
}
