package io.arcnode.workbench.itest;

import static io.arcnode.workbench.itest.Ui.await;
import static io.arcnode.workbench.itest.Ui.onUi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.edp.ArtifactKind;
import io.arcnode.api.edp.ConfiguratorPayloads;
import io.arcnode.workbench.edp.api.DocumentTable;
import io.arcnode.workbench.edp.api.DtmTree;
import io.arcnode.workbench.edp.api.EdpPackages;
import io.arcnode.workbench.edp.api.EdpRevision;
import io.arcnode.workbench.orders.api.OrderForm;
import io.arcnode.workbench.orders.api.OrderWorkspace;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Orders perspective driven through its real widgets: File > New Order, typing into the form, the platform's
 * messages on the fields and in the problems list, the live summary, File > Save, Orders > Submit Order while the
 * platform is offline. The workspace folder and the platform URL come from system properties set in the pom.
 */
class OrdersPerspectiveTest {

    private static final String FIELD = "arcnode.field";
    private static final String MESSAGE = "arcnode.message";
    private static final String SUMMARY = "arcnode.summary";

    static final Map<String, String> VALID = Map.ofEntries(
            Map.entry("operator_org", "ArcNode Ops"), Map.entry("deployment_site_name", "Site Alpha"),
            Map.entry("contact_email", "ops@arcnode.io"), Map.entry("energy_source", "solar"),
            Map.entry("source_capacity_mw", "12.5"), Map.entry("primary_workload", "ai_training"),
            Map.entry("gpu_variant", "b200"), Map.entry("target_gpu_count", "560"),
            Map.entry("bess_coupling", "ac_coupled"), Map.entry("bess_capacity_mwh", "20"),
            Map.entry("grid_connection", "grid_tied"), Map.entry("climate_zone", "temperate"),
            Map.entry("deployment_context", "commercial"), Map.entry("aws_partition", "standard"));

    private static Shell window;
    private static Path workspace;

    @BeforeAll
    static void start() throws Exception {
        window = Ui.window();
        workspace = Path.of(System.getProperty("arcnode.workspace")).toAbsolutePath().normalize();
    }

    @Test
    void anOrderIsCreatedCheckedAsTypedSummarisedSavedAndKeptWhenThePlatformIsOffline() throws Exception {
        Path file = newOrder("itest order " + System.currentTimeMillis());

        // invalid values: the platform's rule messages on the fields
        for (Map.Entry<String, String> e : VALID.entrySet()) {
            set(e.getKey(), e.getValue());
        }
        set("source_capacity_mw", "0");
        set("contact_email", "not an address");
        set("bess_coupling", "none"); // capacity stays 20: the model rule bess_consistency
        OrderForm expected = new OrderWorkspace(workspace).open(file);
        VALID.forEach(expected::set);
        expected.set("source_capacity_mw", "0");
        expected.set("contact_email", "not an address");
        expected.set("bess_coupling", "none");
        OrderForm.Check check = expected.check();
        for (String field : List.of("source_capacity_mw", "contact_email", "bess_coupling", "bess_capacity_mwh")) {
            String want = String.join("\n", check.messages(field));
            assertTrue(!want.isEmpty(), field);
            await("the message of " + field + ": " + want, () -> onUi(() -> want.equals(
                    Ui.widget(window, Label.class, MESSAGE, field).getText()) ? true : null));
        }
        assertTrue(message("bess_capacity_mwh").contains(ConfiguratorPayloads.BESS_CONSISTENCY_MESSAGE));
        assertEquals("", message("gpu_variant"));
        List<String> problems = onUi(() -> problemRows().stream().map(r -> r.get(2)).toList());
        assertEquals(check.violations().stream().map(v -> v.message()).toList(), problems);
        assertEquals("-", onUi(() -> summary("Compute containers")), "no summary of an invalid order");
        Ui.screenshot(window, screenshots().resolve("orders-invalid.png"));

        // corrected: no problem left, the live summary
        set("source_capacity_mw", "12.5");
        set("contact_email", "ops@arcnode.io");
        set("bess_coupling", "ac_coupled");
        await("no problem left", () -> onUi(() -> problemRows().isEmpty() ? true : null));
        await("the summary", () -> onUi(() -> "10".equals(summary("Compute containers")) ? true : null));
        assertEquals("560", onUi(() -> summary("GPUs")));
        Ui.screenshot(window, screenshots().resolve("orders.png"));

        Ui.menu(window, "File", "Save");
        await("the saved order", () -> {
            OrderForm saved = new OrderWorkspace(workspace).open(file);
            return saved.check().valid() && "560".equals(saved.get("target_gpu_count")) ? saved : null;
        });

        Ui.menu(window, "Orders", "Submit Order");
        Shell offline = Ui.shell("Platform offline");
        String text = onUi(() -> {
            String all = String.join("\n", Ui.widgets(offline, Label.class).stream().map(Label::getText).toList());
            offline.close();
            return all;
        });
        assertTrue(text.contains("the platform cannot be reached") && text.contains("The order is kept in " + file),
                text);
        assertTrue(Files.exists(file));

        // fetching the package from the offline platform: a dialog says why, no revision appears
        Ui.menu(window, "Orders", "Fetch EDP from Platform");
        Shell failed = Ui.shell("EDP fetch failed");
        String reason = onUi(() -> {
            String all = String.join("\n", Ui.widgets(failed, Label.class).stream().map(Label::getText).toList());
            failed.close();
            return all;
        });
        assertTrue(reason.contains("the platform cannot be reached (http://127.0.0.1:9/artifacts/edp/"), reason);
        assertTrue(new EdpPackages(file).revisions().isEmpty());
    }

    @Test
    void generatingAnEdpFillsTheBomTableWithTheExpectedRows() throws Exception {
        Path file = newOrder("itest edp " + System.currentTimeMillis());
        for (Map.Entry<String, String> e : VALID.entrySet()) {
            set(e.getKey(), e.getValue());
        }
        Ui.menu(window, "Orders", "Generate EDP");
        EdpPackages packages = new EdpPackages(file);
        EdpRevision revision = await("the generated revision", () -> packages.latest().orElse(null));
        DocumentTable bom = DocumentTable.bom(revision.find(ArtifactKind.BOM, "json").orElseThrow().file());
        List<String> expected = bom.rows().stream().map(r -> String.join("|", r.cells())).toList();
        List<String> shown = await("the BOM table with " + expected.size() + " rows", () -> onUi(() -> {
            List<String> rows = documentRows();
            return rows.size() == expected.size() ? rows : null;
        }));
        assertEquals(expected, shown, "the BOM's lines, in order, every column");
        String totals = onUi(() -> Ui.widget(window, Label.class, "arcnode.role", "totals").getText());
        assertEquals("Totals of " + expected.size() + " of " + expected.size() + " rows: "
                + bom.totalsText(bom.rows()), totals);
        await("the EDP navigator showing the revision", () -> onUi(() -> Ui.widgets(window, Label.class).stream()
                .anyMatch(l -> l.getText().startsWith(file.getFileName() + ": 1 revision(s)")) ? true : null));
        // the DTM viewer: the modules of the generated dtm.json under its root
        DtmTree dtm = DtmTree.read(revision.find(ArtifactKind.DTM, "json").orElseThrow().file());
        List<String> modules = dtm.children().stream().map(DtmTree::label).toList();
        await("the DTM tree's modules", () -> onUi(() -> Ui.widgets(window, org.eclipse.swt.widgets.Tree.class)
                .stream().filter(t -> t.getItemCount() == 1 && t.getItem(0).getText().equals(dtm.label()))
                .map(t -> Arrays.stream(t.getItem(0).getItems()).map(org.eclipse.swt.widgets.TreeItem::getText)
                        .toList())
                .filter(modules::equals).findFirst().orElse(null)));
        Ui.screenshot(window, screenshots().resolve("edp-review.png"));
        drawingAndModelViewers(revision);
        // filtering narrows the rows and the totals
        String first = bom.rows().get(0).cells().get(bom.columns().indexOf("part_number"));
        int matching = bom.view(first, -1, true).size();
        assertTrue(matching < expected.size(), first);
        onUi(() -> {
            List<Text> filters = Ui.widgets(window, Text.class).stream()
                    .filter(t -> "filter".equals(t.getData("arcnode.role"))).toList();
            assertEquals(1, filters.size(), "one document table");
            filters.get(0).setText(first);
            return null;
        });
        await("the filtered BOM", () -> onUi(() -> documentRows().size() == matching ? true : null));
        assertTrue(onUi(() -> Ui.widget(window, Label.class, "arcnode.role", "totals").getText())
                .startsWith("Totals of " + matching + " of " + expected.size() + " rows:"));

        // a second revision with 600 GPUs: the compare view lists the BOM and DTM differences
        Ui.menu(window, "Window", "Orders");
        set("target_gpu_count", "600");
        Ui.menu(window, "Orders", "Generate EDP");
        EdpRevision second = await("the second revision", () -> packages.revisions().size() == 2
                ? packages.revisions().get(1) : null);
        List<String> bomDiff = io.arcnode.workbench.edp.api.BomCompare.compare(
                revision.find(ArtifactKind.BOM, "json").orElseThrow().file(),
                second.find(ArtifactKind.BOM, "json").orElseThrow().file()).stream()
                .map(d -> String.join("|", d.line(), d.field(), d.left(), d.right())).toList();
        assertTrue(bomDiff.stream().anyMatch(d -> d.contains("|quantity|10|11")), bomDiff.toString());
        await("the EDP Review perspective", () -> onUi(() -> Ui.widgets(window,
                org.eclipse.swt.custom.CTabFolder.class).stream().anyMatch(f -> f.isVisible() && Arrays.stream(
                        f.getItems()).anyMatch(i -> i.getText().equals("Compare Revisions"))) ? true : null));
        selectTab("Compare Revisions");
        String want = "r001 -> r002: " + bomDiff.size() + " BOM difference(s)";
        String[] seen = {""};
        try {
            await("the compare view of r001 and r002", () -> onUi(() -> {
                seen[0] = Ui.widget(window, Label.class, "arcnode.role", "compare.summary").getText();
                return seen[0].startsWith(want) ? true : null;
            }));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; it says: " + seen[0], e);
        }
        assertEquals(bomDiff, onUi(() -> rows(Ui.widget(window, Table.class, "arcnode.role", "compare.bom"))));
        assertTrue(onUi(() -> rows(Ui.widget(window, Table.class, "arcnode.role", "compare.dtm"))).stream()
                .anyMatch(r -> r.contains("|presence|(absent)|present")), "the 11th compute container's devices");
        Ui.screenshot(window, screenshots().resolve("edp-compare.png"));
        Ui.menu(window, "Window", "Orders");
    }

    /** Opens the SLD drawing and the compute container's STEP model from the navigator. */
    private static void drawingAndModelViewers(EdpRevision revision) throws Exception {
        openInNavigator("sld (", "sld.pdf");
        await("the drawing rendered", () -> onUi(() -> {
            Label page = Ui.widget(window, Label.class, "arcnode.role", "drawing.page");
            Control canvas = Ui.widget(window, org.eclipse.swt.widgets.Canvas.class, "arcnode.role", "drawing.canvas");
            return page.getText().startsWith("page 1 of ") && canvas.getData("arcnode.image.size") != null
                    ? true : null;
        }));
        String before = onUi(() -> Ui.widget(window, Label.class, "arcnode.role", "drawing.page").getText());
        Ui.press(window, "Zoom +");
        await("zoomed in", () -> onUi(() -> !Ui.widget(window, Label.class, "arcnode.role", "drawing.page").getText()
                .equals(before) ? true : null));
        openInNavigator("compute_container_3d (", "compute_container.step");
        io.arcnode.workbench.edp.api.ModelFacts facts = io.arcnode.workbench.edp.api.ModelFacts.read(
                revision.artifacts().stream().map(io.arcnode.workbench.edp.api.EdpArtifact::file)
                        .filter(f -> f.getFileName().toString().equals("compute_container.step")).findFirst()
                        .orElseThrow());
        await("the model's facts and preview", () -> onUi(() -> {
            org.eclipse.swt.widgets.List list = Ui.widget(window, org.eclipse.swt.widgets.List.class,
                    "arcnode.role", "model.facts");
            Control preview = Ui.widget(window, org.eclipse.swt.widgets.Canvas.class, "arcnode.role",
                    "model.preview");
            List<String> shown = Arrays.asList(list.getItems());
            return shown.containsAll(facts.describe()) && preview.getData("arcnode.image.size") != null
                    ? true : null;
        }));
    }

    /** Expands {@code kind} of the newest revision in the EDP navigator and opens its file {@code name}. */
    private static void openInNavigator(String kind, String name) throws Exception {
        onUi(() -> {
            org.eclipse.swt.widgets.Tree tree = Ui.widgets(window, org.eclipse.swt.widgets.Tree.class).stream()
                    .filter(t -> t.getItemCount() > 0 && t.getItem(0).getText().startsWith("r0")).findFirst()
                    .orElseThrow(() -> new AssertionError("no EDP navigator"));
            org.eclipse.swt.widgets.TreeItem rev = tree.getItem(tree.getItemCount() - 1);
            org.eclipse.swt.widgets.TreeItem k = Arrays.stream(rev.getItems()).filter(i -> i.getText()
                    .startsWith(kind)).findFirst().orElseThrow(() -> new AssertionError("no " + kind));
            Event expand = new Event();
            expand.item = k;
            tree.notifyListeners(SWT.Expand, expand); // the viewer creates the children
            k.setExpanded(true);
            org.eclipse.swt.widgets.TreeItem file = Arrays.stream(k.getItems()).filter(i -> i.getText()
                    .startsWith(name + " (")).findFirst().orElseThrow(() -> new AssertionError("no " + name));
            tree.setSelection(file);
            Event open = new Event();
            open.item = file;
            tree.notifyListeners(SWT.Selection, open);
            tree.notifyListeners(SWT.DefaultSelection, open);
            return null;
        });
    }

    /** Brings the part tab titled {@code title} to the front (as a click on the tab does). */
    private static void selectTab(String title) throws Exception {
        onUi(() -> {
            org.eclipse.swt.custom.CTabFolder folder = Ui.widgets(window, org.eclipse.swt.custom.CTabFolder.class)
                    .stream().filter(f -> f.isVisible() && Arrays.stream(f.getItems()).anyMatch(i -> title.equals(
                            i.getText()))).findFirst().orElseThrow(() -> new AssertionError("no tab " + title));
            org.eclipse.swt.custom.CTabItem item = Arrays.stream(folder.getItems())
                    .filter(i -> title.equals(i.getText())).findFirst().orElseThrow();
            folder.setSelection(item);
            Event e = new Event();
            e.item = item;
            folder.notifyListeners(SWT.Selection, e);
            return null;
        });
    }

    private static List<String> rows(Table table) {
        return Arrays.stream(table.getItems()).map(i -> String.join("|", i.getText(0), i.getText(1), i.getText(2),
                i.getText(3))).toList();
    }

    /** File > New Order named {@code name}; @return its file once the editor shows it */
    static Path newOrder(String name) throws Exception {
        if (window == null) {
            start(); // called from another test class
        }
        Ui.menu(window, "File", "New Order...");
        Shell dialog = Ui.shell("New order");
        onUi(() -> {
            Ui.widgets(dialog, Text.class).get(0).setText(name);
            return null;
        });
        Ui.press(dialog, "OK");
        Path file = workspace.resolve(name + ".json");
        await("the order file " + file, () -> Files.exists(file) ? file : null);
        await("the editor showing " + name, () -> onUi(() -> Ui.widgets(window, Label.class).stream()
                .anyMatch(l -> l.getText().startsWith("Order " + name + ".json")) ? true : null));
        return file;
    }

    /** @return the rows of the document table (cells joined by |); on the UI thread */
    private static List<String> documentRows() {
        Table table = Ui.widgets(window, Table.class).stream()
                .filter(t -> t.getColumnCount() > 3 && "line".equals(t.getColumn(0).getText())).findFirst()
                .orElse(null);
        if (table == null) {
            return List.of();
        }
        List<String> rows = new java.util.ArrayList<>();
        for (TableItem item : table.getItems()) {
            List<String> cells = new java.util.ArrayList<>();
            for (int c = 0; c < table.getColumnCount(); c++) {
                cells.add(item.getText(c));
            }
            rows.add(String.join("|", cells));
        }
        return rows;
    }

    /** Enters {@code value} into the field's input as a user would (Text typed, Combo chosen, Spinner set). */
    static void set(String field, String value) throws Exception {
        if (window == null) {
            start();
        }
        onUi(() -> {
            Control c = Ui.widgets(window, Control.class).stream()
                    .filter(w -> field.equals(w.getData(FIELD)) && !(w instanceof org.eclipse.swt.widgets.Button))
                    .findFirst().orElseThrow(() -> new AssertionError("no input for " + field));
            if (c instanceof Text t) {
                t.setText(value);
            } else if (c instanceof Combo combo) {
                int i = Arrays.asList(combo.getItems()).indexOf(value);
                assertTrue(i >= 0, value + " is not offered by " + field + ": " + Arrays.toString(combo.getItems()));
                combo.select(i);
                combo.notifyListeners(SWT.Modify, new Event());
            } else if (c instanceof Spinner s) {
                s.setSelection(new BigDecimal(value).movePointRight(s.getDigits()).intValueExact());
                s.notifyListeners(SWT.Modify, new Event());
            } else {
                throw new AssertionError(field + " is a " + c.getClass().getSimpleName());
            }
            return null;
        });
    }

    private static String message(String field) throws Exception {
        return onUi(() -> Ui.widget(window, Label.class, MESSAGE, field).getText());
    }

    private static String summary(String row) {
        return Ui.widget(window, Label.class, SUMMARY, row).getText();
    }

    /** @return the problems table's rows (field, rule, message); on the UI thread */
    private static List<List<String>> problemRows() {
        Table table = Ui.widgets(window, Table.class).stream()
                .filter(t -> t.getColumnCount() == 3 && "Rule".equals(t.getColumn(1).getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no problems table"));
        return Arrays.stream(table.getItems()).map((TableItem i) -> List.of(i.getText(0), i.getText(1),
                i.getText(2))).toList();
    }

    private static Path screenshots() {
        return Path.of(System.getProperty("arcnode.screenshots", "target/screenshots"));
    }
}
