package io.arcnode.workbench.internal.edp;

import io.arcnode.api.edp.ArtifactKind;
import io.arcnode.workbench.edp.api.DocumentTable;
import io.arcnode.workbench.edp.api.EdpArtifact;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.core.runtime.ILog;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;

/**
 * The BOM or the cable/hose schedule of a revision as a JFace table: click a header to sort (again: the other way),
 * type to filter, column totals of the rows shown under the table, "Open in spreadsheet" opens the package's
 * {@code .xlsx} of the same document in the desktop's spreadsheet application.
 */
public class DocumentTablePart {

    /** Part id in the application model. */
    public static final String ID = "io.arcnode.workbench.part.document";
    /** Widget data key: {@code totals} on the totals label, {@code filter} on the filter field. */
    public static final String ROLE_KEY = "arcnode.role";

    @Inject
    private MPart part;

    private Composite parent;
    private Label title;
    private Text filter;
    private Label totals;
    private Button spreadsheet;
    private TableViewer viewer;
    private DocumentTable table;
    private Path xlsx;
    private int sortBy = -1;
    private boolean ascending = true;

    @PostConstruct
    public void createControls(Composite composite) {
        parent = composite;
        parent.setLayout(new GridLayout(3, false));
        title = new Label(parent, SWT.NONE);
        title.setText("Open a bom.json or cable_hose_schedule.json in the EDP navigator");
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        filter = new Text(parent, SWT.BORDER | SWT.SEARCH | SWT.ICON_CANCEL);
        filter.setMessage("filter");
        filter.setData(ROLE_KEY, "filter");
        GridData f = new GridData(SWT.FILL, SWT.CENTER, false, false);
        f.widthHint = 220;
        filter.setLayoutData(f);
        filter.addModifyListener(e -> refresh());
        spreadsheet = new Button(parent, SWT.PUSH);
        spreadsheet.setText("Open in spreadsheet");
        spreadsheet.setEnabled(false);
        spreadsheet.addListener(SWT.Selection, e -> {
            if (xlsx != null && !Program.launch(xlsx.toString())) {
                MessageDialog.openInformation(parent.getShell(), "Open in spreadsheet",
                        "No application is registered for .xlsx files on this computer; the file is " + xlsx);
            }
        });
        totals = new Label(parent, SWT.NONE);
        totals.setData(ROLE_KEY, "totals");
        totals.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        newViewer();
    }

    private void newViewer() {
        if (viewer != null) {
            viewer.getTable().dispose();
        }
        viewer = new TableViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.getTable().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        totals.moveBelow(viewer.getTable());
    }

    /** Shows a BOM or schedule JSON of a revision. */
    @Inject
    @Optional
    public void show(@UIEventTopic(EdpEvents.SHOW) EdpArtifact artifact) {
        if (parent == null || parent.isDisposed() || artifact == null) {
            return;
        }
        try {
            table = artifact.kind() == ArtifactKind.BOM ? DocumentTable.bom(artifact.file())
                    : DocumentTable.schedule(artifact.file());
        } catch (RuntimeException e) {
            ILog.of(DocumentTablePart.class).error("cannot show " + artifact.file() + ": " + e.getMessage(), e);
            MessageDialog.openError(parent.getShell(), "Cannot show the document", e.getMessage());
            return;
        }
        Path sibling = artifact.file().resolveSibling(artifact.name().replaceFirst("\\.json$", ".xlsx"));
        xlsx = Files.exists(sibling) ? sibling : null;
        spreadsheet.setEnabled(xlsx != null);
        part.setLabel(artifact.kind() == ArtifactKind.BOM ? "BOM" : "Cable/hose schedule");
        title.setText(artifact.file().getParent().getParent().getParent().getFileName() + " / " + artifact.name());
        sortBy = -1;
        ascending = true;
        newViewer();
        List<String> columns = table.columns();
        for (int c = 0; c < columns.size(); c++) {
            int column = c;
            TableViewerColumn vc = new TableViewerColumn(viewer, table.numeric(c) ? SWT.RIGHT : SWT.LEFT);
            TableColumn tc = vc.getColumn();
            tc.setText(columns.get(c));
            tc.setWidth(table.numeric(c) ? 90 : 160);
            tc.setMoveable(true);
            vc.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return ((DocumentTable.Row) element).cells().get(column);
                }
            });
            tc.addListener(SWT.Selection, e -> {
                ascending = sortBy != column || !ascending;
                sortBy = column;
                viewer.getTable().setSortColumn(tc);
                viewer.getTable().setSortDirection(ascending ? SWT.UP : SWT.DOWN);
                refresh();
            });
        }
        parent.layout(true, true);
        refresh();
    }

    private void refresh() {
        if (table == null) {
            return;
        }
        List<DocumentTable.Row> rows = table.view(filter.getText(), sortBy, ascending);
        viewer.setInput(rows);
        totals.setText("Totals of " + rows.size() + " of " + table.rows().size() + " rows: " + table.totalsText(rows));
        totals.getParent().layout(new org.eclipse.swt.widgets.Control[] {totals});
    }
}
