package io.arcnode.workbench.internal.errorlog;

import io.arcnode.workbench.internal.Tables;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;

/**
 * The Error Log view: every entry of the workbench log (errors of dialogs included: they are logged before they are
 * shown), newest first, with severity, time, bundle and message; the selected entry's details and stack below.
 */
public class ErrorLogPart {

    @Inject
    private ErrorLogAddon log;

    private TableViewer viewer;
    private Text details;

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new FillLayout());
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        viewer = Tables.create(sash, SWT.SINGLE, "errorlog.table");
        Tables.<ErrorLogAddon.Entry>column(viewer, "Severity", 70, e -> severity(e.status()));
        Tables.<ErrorLogAddon.Entry>column(viewer, "Time", 190, e -> e.at().toString());
        Tables.<ErrorLogAddon.Entry>column(viewer, "Bundle", 190, e -> e.status().getPlugin());
        Tables.<ErrorLogAddon.Entry>column(viewer, "Message", 600, e -> e.status().getMessage());
        details = new Text(sash, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.addSelectionChangedListener(e -> {
            Object o = ((IStructuredSelection) e.getSelection()).getFirstElement();
            details.setText(o instanceof ErrorLogAddon.Entry entry ? details(entry.status()) : "");
        });
        sash.setWeights(70, 30);
        added(log);
    }

    @Inject
    @Optional
    public void added(@UIEventTopic(ErrorLogAddon.ADDED) ErrorLogAddon addon) {
        if (viewer != null && !viewer.getTable().isDisposed()) {
            viewer.setInput(log.entries());
        }
    }

    static String severity(IStatus s) {
        return switch (s.getSeverity()) {
            case IStatus.ERROR -> "ERROR";
            case IStatus.WARNING -> "WARNING";
            case IStatus.INFO -> "INFO";
            case IStatus.CANCEL -> "CANCEL";
            default -> "OK";
        };
    }

    private static String details(IStatus s) {
        StringWriter w = new StringWriter();
        PrintWriter p = new PrintWriter(w);
        p.println(s.getMessage());
        for (IStatus child : s.getChildren()) {
            p.println("  " + child.getMessage());
        }
        if (s.getException() != null) {
            s.getException().printStackTrace(p);
        }
        p.flush();
        return w.toString();
    }
}
