package io.arcnode.workbench.internal.edp;

import io.arcnode.api.dtm.Dtms;
import io.arcnode.api.edp.ArtifactKind;
import io.arcnode.workbench.commissioning.api.DtmDiff;
import io.arcnode.workbench.edp.api.BomCompare;
import io.arcnode.workbench.edp.api.EdpArtifact;
import io.arcnode.workbench.edp.api.EdpPackages;
import io.arcnode.workbench.edp.api.EdpRevision;
import io.arcnode.workbench.internal.orders.OrderEvents;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.eclipse.core.runtime.ILog;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * Two EDP revisions of the open order side by side: every difference of their BOMs (lines by item and part number)
 * and of their DTMs (modules, devices and their fields), highlighted by kind: green added, red removed, yellow
 * changed.
 */
public class ComparePart {

    /** Part id in the application model. */
    public static final String ID = "io.arcnode.workbench.part.compare";
    /** Widget data key: {@code compare.left}, {@code compare.right} (combos), {@code compare.bom},
     *  {@code compare.dtm} (tables), {@code compare.summary} (label). */
    public static final String ROLE_KEY = "arcnode.role";

    private Combo left;
    private Combo right;
    private Label summary;
    private TableViewer bom;
    private TableViewer dtm;
    private List<EdpRevision> revisions = List.of();
    private Color added;
    private Color removed;
    private Color changed;

    @PostConstruct
    public void createControls(Composite parent, org.eclipse.e4.ui.workbench.modeling.EPartService parts) {
        added = new Color(parent.getDisplay(), 0xDD, 0xF4, 0xDD);
        removed = new Color(parent.getDisplay(), 0xF8, 0xDA, 0xDA);
        changed = new Color(parent.getDisplay(), 0xFF, 0xF3, 0xC4);
        parent.addDisposeListener(e -> {
            added.dispose();
            removed.dispose();
            changed.dispose();
        });
        parent.setLayout(new GridLayout(5, false));
        new Label(parent, SWT.NONE).setText("Older:");
        left = combo(parent, "compare.left");
        new Label(parent, SWT.NONE).setText("Newer:");
        right = combo(parent, "compare.right");
        summary = new Label(parent, SWT.NONE);
        summary.setData(ROLE_KEY, "compare.summary");
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        summary.setText("Open an order with two or more EDP revisions");
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 5, 1));
        bom = table(sash, "compare.bom", "BOM line");
        dtm = table(sash, "compare.dtm", "DTM element");
        // created when its tab is first shown: the order the navigator shows (else the one open in the editor)
        var navigator = parts.findPart(EdpNavigatorPart.ID);
        if (navigator != null && navigator.getObject() instanceof EdpNavigatorPart n && n.orderFile() != null) {
            show(n.orderFile());
        } else {
            var editor = io.arcnode.workbench.internal.orders.OrderHandlers.openEditor(parts);
            if (editor != null) {
                show(editor.file());
            }
        }
    }

    private Combo combo(Composite parent, String role) {
        Combo c = new Combo(parent, SWT.READ_ONLY);
        c.setData(ROLE_KEY, role);
        c.setLayoutData(new GridData(200, SWT.DEFAULT));
        c.addListener(SWT.Selection, e -> compare());
        return c;
    }

    private TableViewer table(Composite parent, String role, String what) {
        TableViewer v = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        v.getTable().setHeaderVisible(true);
        v.getTable().setLinesVisible(true);
        v.getTable().setData(ROLE_KEY, role);
        v.setContentProvider(ArrayContentProvider.getInstance());
        column(v, what, 330, r -> r[0]);
        column(v, "Field", 130, r -> r[1]);
        column(v, "Older", 260, r -> r[2]);
        column(v, "Newer", 260, r -> r[3]);
        return v;
    }

    private void column(TableViewer v, String title, int width, Function<String[], String> text) {
        TableViewerColumn c = new TableViewerColumn(v, SWT.NONE);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((String[]) element);
            }

            @Override
            public Color getBackground(Object element) {
                String[] r = (String[]) element;
                return r[2].equals(BomCompare.ABSENT) || r[2].equals(DtmDiff.ABSENT) ? added
                        : r[3].equals(BomCompare.ABSENT) || r[3].equals(DtmDiff.ABSENT) ? removed : changed;
            }
        });
    }

    @Inject
    @Optional
    public void orderOpened(@UIEventTopic(OrderEvents.OPEN) Path file) {
        show(file);
    }

    @Inject
    @Optional
    public void packagesChanged(@UIEventTopic(EdpEvents.CHANGED) Path file) {
        show(file);
    }

    private void show(Path order) {
        if (left == null || left.isDisposed() || order == null) {
            return;
        }
        revisions = new EdpPackages(order).revisions();
        String[] labels = revisions.stream().map(EdpRevision::label).toArray(String[]::new);
        left.setItems(labels);
        right.setItems(labels);
        if (revisions.size() >= 2) {
            left.select(revisions.size() - 2);
            right.select(revisions.size() - 1);
        }
        compare();
    }

    private void compare() {
        int a = left.getSelectionIndex();
        int b = right.getSelectionIndex();
        if (a < 0 || b < 0 || a >= revisions.size() || b >= revisions.size()) {
            bom.setInput(List.of());
            dtm.setInput(List.of());
            summary.setText(revisions.size() < 2 ? "This order has " + revisions.size()
                    + " EDP revision(s): generate again to compare" : "Choose two revisions");
            return;
        }
        EdpRevision older = revisions.get(a);
        EdpRevision newer = revisions.get(b);
        List<String[]> bomRows = new ArrayList<>();
        List<String[]> dtmRows = new ArrayList<>();
        try {
            for (BomCompare.Difference d : BomCompare.compare(file(older, ArtifactKind.BOM),
                    file(newer, ArtifactKind.BOM))) {
                bomRows.add(new String[] {d.line(), d.field(), d.left(), d.right()});
            }
            for (DtmDiff.Difference d : DtmDiff.compare(Dtms.parse(Files.readString(file(older, ArtifactKind.DTM))),
                    Dtms.parse(Files.readString(file(newer, ArtifactKind.DTM))))) {
                dtmRows.add(new String[] {d.subject(), d.field(), d.left(), d.right()});
            }
        } catch (IOException | RuntimeException e) {
            ILog.of(getClass()).error("Cannot compare " + older.label() + " and " + newer.label() + ": "
                    + e.getMessage(), e);
            summary.setText("Cannot compare: " + e.getMessage());
            return;
        }
        bom.setInput(bomRows);
        dtm.setInput(dtmRows);
        summary.setText(older.label() + " -> " + newer.label() + ": " + bomRows.size() + " BOM difference(s), "
                + dtmRows.size() + " DTM difference(s)");
        summary.getParent().layout(true);
    }

    private static Path file(EdpRevision r, ArtifactKind kind) throws IOException {
        return r.find(kind, "json").map(EdpArtifact::file)
                .orElseThrow(() -> new IOException(r.root() + " has no " + kind.json() + ".json"));
    }
}
