package io.arcnode.workbench.internal.commissioning;

import io.arcnode.workbench.internal.Tables;
import io.arcnode.api.edp.ArtifactKind;
import io.arcnode.workbench.commissioning.api.ConnectionEdits;
import io.arcnode.workbench.commissioning.api.DtmDiff;
import io.arcnode.workbench.commissioning.api.GatewayPoller;
import io.arcnode.workbench.commissioning.api.TopologyRow;
import io.arcnode.workbench.commissioning.api.TopologyRows;
import io.arcnode.workbench.edp.api.EdpArtifact;
import io.arcnode.workbench.edp.api.EdpPackages;
import io.arcnode.workbench.edp.api.EdpRevision;
import io.arcnode.workbench.orders.api.OrderWorkspace;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ColumnViewer;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.ICellEditorListener;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * The gateway's topology as a table (device, type, module, protocol, host, port, adapter status, last reading)
 * with host and port editable inline and checked as typed; Apply posts the edited topology after a confirmation
 * listing the changes, and shows the result and the new {@code dtm_version}. Below: "as designed vs as
 * commissioned", the chosen EDP revision's {@code dtm.json} against the topology shown (the gateway's, with the
 * edits), every difference one row.
 */
public class TopologyPart {

    @Inject
    private CommissioningSession session;
    @Inject
    private OrderWorkspace workspace;

    private Label version;
    private Button apply;
    private TableViewer table;
    private Label message;
    private Combo designs;
    private Button useDesign;
    private TableViewer diff;
    private List<Path> designFiles = List.of();

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout());
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));

        Composite top = new Composite(sash, SWT.NONE);
        top.setLayout(new GridLayout(3, false));
        version = new Label(top, SWT.WRAP);
        version.setData(CommissioningParts.CSS_CLASS_KEY, "arcnode-status");
        version.setData(CommissioningParts.ROLE_KEY, CommissioningParts.VERSION);
        version.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button reload = new Button(top, SWT.PUSH);
        reload.setText("Reload");
        reload.setToolTipText("Read the gateway's topology again (your edits are dropped)");
        reload.addListener(SWT.Selection, e -> session.reloadTopology());
        apply = new Button(top, SWT.PUSH);
        apply.setText("Apply...");
        apply.setToolTipText("POST /topology with your edits, after a confirmation (Ctrl+Shift+A)");
        apply.addListener(SWT.Selection, e -> ApplyTopologyHandler.confirmAndApply(apply.getShell(), session));
        table = Tables.create(top, SWT.SINGLE, CommissioningParts.TOPOLOGY);
        // rows are new records every poll: the same device keeps its selection (a click into it edits)
        table.setComparer(Tables.comparer(TopologyRow.class, TopologyRow::deviceUuid));
        ((GridData) table.getTable().getLayoutData()).horizontalSpan = 3;
        Tables.<TopologyRow>column(table, "Device", 150, r -> r.description() == null || r.description().isBlank()
                ? r.deviceUuid().toString() : r.description());
        Tables.<TopologyRow>column(table, "Type", 90, TopologyRow::deviceType);
        Tables.<TopologyRow>column(table, "Module", 90, TopologyRow::moduleId);
        Tables.<TopologyRow>column(table, "Protocol", 85, TopologyRow::protocol);
        TableViewerColumn host = Tables.<TopologyRow>column(table, "Host", 140, TopologyRow::host);
        host.setEditingSupport(new ConnectionEditing(table, true));
        TableViewerColumn port = Tables.<TopologyRow>column(table, "Port", 60, r -> Integer.toString(r.port()));
        port.setEditingSupport(new ConnectionEditing(table, false));
        Tables.<TopologyRow>column(table, "Adapter", 100, TopologyRow::status);
        Tables.<TopologyRow>column(table, "Last reading", 300, TopologyRow::lastReading);
        message = new Label(top, SWT.WRAP);
        message.setData(CommissioningParts.ROLE_KEY, CommissioningParts.EDIT_MESSAGE);
        message.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        message.setText("Host and Port are editable: click a cell, type, Enter.");

        Composite bottom = new Composite(sash, SWT.NONE);
        bottom.setLayout(new GridLayout(4, false));
        new Label(bottom, SWT.NONE).setText("As designed:");
        designs = new Combo(bottom, SWT.READ_ONLY);
        designs.setData(CommissioningParts.ROLE_KEY, CommissioningParts.DESIGN);
        designs.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        designs.addListener(SWT.Selection, e -> {
            int i = designs.getSelectionIndex() - 1;
            session.design(i >= 0 && i < designFiles.size() ? designFiles.get(i) : null);
        });
        Button rescan = new Button(bottom, SWT.PUSH);
        rescan.setText("Rescan");
        rescan.setToolTipText("List the EDP revisions of the workspace's orders again");
        rescan.addListener(SWT.Selection, e -> scanDesigns());
        useDesign = new Button(bottom, SWT.PUSH);
        useDesign.setText("Use design");
        useDesign.setToolTipText("Start the topology over from the design's dtm.json (then edit hosts and ports)");
        useDesign.addListener(SWT.Selection, e -> session.useDesign());
        diff = Tables.create(bottom, SWT.MULTI, CommissioningParts.DIFF);
        ((GridData) diff.getTable().getLayoutData()).horizontalSpan = 4;
        Tables.<DtmDiff.Difference>column(diff, "Element", 330, DtmDiff.Difference::subject);
        Tables.<DtmDiff.Difference>column(diff, "Field", 110, DtmDiff.Difference::field);
        Tables.<DtmDiff.Difference>column(diff, "As designed", 220, DtmDiff.Difference::left);
        Tables.<DtmDiff.Difference>column(diff, "As commissioned", 220, DtmDiff.Difference::right);
        sash.setWeights(60, 40);
        scanDesigns();
        refresh();
    }

    /** Lists the {@code dtm.json} of every EDP revision of the workspace's orders, newest revision first. */
    private void scanDesigns() {
        List<Path> files = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        labels.add("(no design)");
        for (OrderWorkspace.Order order : workspace.list()) {
            List<EdpRevision> revisions = new ArrayList<>(new EdpPackages(order.path()).revisions());
            java.util.Collections.reverse(revisions);
            for (EdpRevision r : revisions) {
                java.util.Optional<EdpArtifact> dtm = r.find(ArtifactKind.DTM, "json");
                if (dtm.isPresent()) {
                    files.add(dtm.get().file());
                    labels.add(order.name() + " " + r.label());
                }
            }
        }
        designFiles = List.copyOf(files);
        designs.setItems(labels.toArray(String[]::new));
        int i = session.designFile() == null ? 0 : designFiles.indexOf(session.designFile()) + 1;
        designs.select(Math.max(i, 0));
    }

    @Inject
    @Optional
    public void changed(@UIEventTopic(CommissioningEvents.TOPOLOGY) CommissioningSession s) {
        if (table != null && !table.getTable().isDisposed()) {
            refresh();
        }
    }

    @Inject
    @Optional
    public void connected(@UIEventTopic(CommissioningEvents.CONNECTION) CommissioningSession s) {
        changed(s);
    }

    @Inject
    @Optional
    public void polled(@UIEventTopic(CommissioningEvents.POLL) CommissioningSession s) {
        if (table != null && !table.getTable().isDisposed() && !table.isCellEditorActive()) {
            table.setInput(rows());
        }
    }

    /** Shows the rows now, or right after the cell editor closed (an edit's own event comes while it is open). */
    private void showRows() {
        if (!table.isCellEditorActive()) {
            table.setInput(rows());
            return;
        }
        table.getTable().getDisplay().asyncExec(() -> {
            if (!table.getTable().isDisposed() && !table.isCellEditorActive()) {
                table.setInput(rows());
            }
        });
    }

    private List<TopologyRow> rows() {
        GatewayPoller.Poll p = session.lastPoll();
        return TopologyRows.rows(session.pending(), p == null ? null : p.live());
    }

    private void refresh() {
        String v;
        if (session.connection() == null) {
            v = "No gateway chosen (Gateway panel).";
        } else if (!session.topologyKnown()) {
            v = "Topology of " + session.connection().name() + " not read yet (offline?).";
        } else if (session.applied() == null) {
            v = session.connection().name() + " has no topology yet: choose a design below and \"Use design\".";
        } else {
            v = session.connection().name() + ": dtm_version " + session.applied().version() + ", applied "
                    + session.applied().appliedAt() + ", ems_mode " + session.applied().dtm().emsMode().json();
        }
        int changes = session.pendingChanges().size();
        if (session.topologyKnown() && changes > 0) {
            v += "  |  " + changes + " change(s) not applied";
        }
        if (!session.lastResult().isEmpty()) {
            v += "  |  " + session.lastResult();
        }
        version.setText(v);
        apply.setEnabled(session.canApply());
        useDesign.setEnabled(session.design() != null && session.topologyKnown());
        showRows();
        diff.setInput(session.design() == null || session.pending() == null ? List.of()
                : DtmDiff.compare(session.design(), session.pending()));
        version.getParent().layout(true);
    }

    /** Inline editing of host or port, checked as typed; an invalid value is not taken and its rule is shown. */
    private final class ConnectionEditing extends EditingSupport {

        private final boolean host;
        private final TextCellEditor editor;

        ConnectionEditing(ColumnViewer viewer, boolean host) {
            super(viewer);
            this.host = host;
            this.editor = new TextCellEditor(((TableViewer) viewer).getTable());
            Function<String, String> rule = host ? ConnectionEdits::checkHost : ConnectionEdits::checkPort;
            editor.setValidator(value -> rule.apply((String) value));
            editor.addListener(new ICellEditorListener() {
                @Override
                public void applyEditorValue() {
                    show();
                }

                @Override
                public void cancelEditor() {
                    message.setText("Host and Port are editable: click a cell, type, Enter.");
                }

                @Override
                public void editorValueChanged(boolean oldValidState, boolean newValidState) {
                    show();
                }
            });
        }

        private void show() {
            String error = editor.getErrorMessage();
            // no layout here: it runs while the viewer activates the editor
            message.setText(error == null ? "Host and Port are editable: click a cell, type, Enter." : error);
        }

        @Override
        protected CellEditor getCellEditor(Object element) {
            return editor;
        }

        @Override
        protected boolean canEdit(Object element) {
            return session.topologyKnown() && session.pending() != null;
        }

        @Override
        protected Object getValue(Object element) {
            TopologyRow r = (TopologyRow) element;
            return host ? r.host() : Integer.toString(r.port());
        }

        @Override
        protected void setValue(Object element, Object value) {
            TopologyRow r = (TopologyRow) element;
            String text = ((String) value).strip();
            try {
                // the other field comes from the pending topology, not from this row (it may be older)
                if (host) {
                    session.edit(r.deviceUuid(), text, null);
                } else {
                    session.edit(r.deviceUuid(), null, Integer.parseInt(text));
                }
            } catch (IllegalArgumentException e) {
                message.setText(e.getMessage());
            }
        }
    }
}
