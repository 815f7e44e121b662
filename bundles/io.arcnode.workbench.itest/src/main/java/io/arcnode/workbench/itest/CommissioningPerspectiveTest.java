package io.arcnode.workbench.itest;

import static io.arcnode.workbench.itest.Ui.await;
import static io.arcnode.workbench.itest.Ui.onUi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.dtm.Dtm;
import io.arcnode.api.dtm.Dtms;
import io.arcnode.api.edp.ArtifactKind;
import io.arcnode.api.edp.ConfiguratorPayloads;
import io.arcnode.workbench.commissioning.api.ConnectionEdits;
import io.arcnode.workbench.commissioning.api.DtmDiff;
import io.arcnode.workbench.commissioning.api.GatewayClient;
import io.arcnode.workbench.commissioning.api.GatewayConnection;
import io.arcnode.workbench.commissioning.api.GatewayException;
import io.arcnode.workbench.commissioning.api.GatewayTopology;
import io.arcnode.workbench.commissioning.api.LiveSnapshot;
import io.arcnode.workbench.commissioning.api.TopologyRow;
import io.arcnode.workbench.edp.api.EdpPackages;
import io.arcnode.workbench.edp.api.EdpRevision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Commissioning perspective against a real gateway: the built gateway product, started by this test through
 * its launcher on the demo stage (embedded Kafka broker, the shipped industrial fixtures as its DTM, SIM-mode
 * Modbus simulators, the demo alarm rules). Through the real widgets: a connection is added, the topology table
 * fills from {@code GET /topology}, an invalid port shows the rule, a valid one is applied after the confirmation
 * ({@code dtm_version} 2 on the gateway), the design diff lists exactly the differences to the generated EDP's
 * {@code dtm.json}, measurements of the re-pointed device arrive in the live view and its trend, an alarm is
 * acknowledged; stopping the gateway shows it offline.
 */
class CommissioningPerspectiveTest {

    private static final String ROLE = "arcnode.role";
    private static final String FIELD = "arcnode.field";
    /** The fixtures' first CDU, a Modbus TCP device at 127.0.0.1:15021. */
    private static final UUID CDU = UUID.fromString("d69bee15-1a1f-512a-aa17-c621b0e7e8ae");

    private static Launched gateway;
    private static GatewayClient direct;
    private static Shell window;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = Launched.start("gateway");
        direct = new GatewayClient(new GatewayConnection("itest", gateway.url, ""), "", Duration.ofSeconds(5));
        gateway.await("the gateway serving its topology", () -> topology() != null);
        window = Ui.window();
    }

    @AfterAll
    static void stopGateway() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
    }

    private static GatewayTopology topology() {
        try {
            return direct.topology().orElse(null);
        } catch (GatewayException e) {
            return null;
        }
    }

    @Test
    void commissioningChangesTheGatewaysTopologyAndBringsItsMeasurementsIntoTheLiveView() throws Exception {
        GatewayTopology initial = topology();
        assertEquals(1, initial.version(), "the demo stage applies its fixtures as dtm_version 1");
        Device cdu = device(initial.dtm());
        assertEquals(15021, cdu.port);

        // the design: the EDP of the example order (the fixtures are a part of it), generated offline
        Path workspace = Path.of(System.getProperty("arcnode.workspace")).toAbsolutePath().normalize();
        Files.createDirectories(workspace);
        Path order = workspace.resolve("commissioning example.json");
        String payload = Files.readString(Path.of(System.getProperty("arcnode.example.order")));
        Files.writeString(order, payload);
        EdpRevision revision = new EdpPackages(order).generate(ConfiguratorPayloads.parse(payload),
                EdpPackages.Progress.NONE);
        Dtm design = Dtms.parse(Files.readString(revision.find(ArtifactKind.DTM, "json").orElseThrow().file()));

        Ui.menu(window, "Window", "Commissioning");
        Ui.press(window, "Add...");
        Shell dialog = Ui.shell("Gateway Connection");
        onUi(() -> {
            text(dialog, "name").setText("itest gateway");
            text(dialog, "url").setText(gateway.url.toString());
            return null;
        });
        Ui.press(dialog, "OK");
        await("the gateway online", () -> onUi(() -> label(CommissioningRoles.STATUS).startsWith("ONLINE: itest gateway")
                ? true : null));

        Table topology = onUi(() -> Ui.widget(window, Table.class, ROLE, CommissioningRoles.TOPOLOGY));
        await("the topology table with the fixtures' devices", () -> onUi(() ->
                topology.getItemCount() == initial.dtm().devices().size() ? true : null));
        int row = onUi(() -> rowOf(topology, CDU));

        // an invalid port: the rule, nothing changes
        editCell(topology, row, 5, "70000");
        await("the port rule", () -> onUi(() -> "port: must be from 1 to 65535 (ge=1, le=65535)".equals(
                label(CommissioningRoles.EDIT_MESSAGE)) ? true : null));
        assertEquals("15021", onUi(() -> topology.getItem(rowOf(topology, CDU)).getText(5)));

        // a valid one: a port of the same loopback host, where SIM mode starts a simulator for the device
        int newPort = Launched.freePort();
        editCell(topology, onUi(() -> rowOf(topology, CDU)), 5, Integer.toString(newPort));
        await("the edited port in the table", () -> onUi(() -> Integer.toString(newPort).equals(
                topology.getItem(rowOf(topology, CDU)).getText(5)) ? true : null));
        assertTrue(onUi(() -> label(CommissioningRoles.VERSION)).contains("1 change(s) not applied"));

        // as designed vs as commissioned (the gateway's topology with the edit)
        Dtm commissioned = ConnectionEdits.withConnection(initial.dtm(), CDU, "127.0.0.1", newPort);
        List<String> expectedDiff = DtmDiff.compare(design, commissioned).stream()
                .map(d -> String.join("|", d.subject(), d.field(), d.left(), d.right())).toList();
        assertTrue(expectedDiff.contains(String.join("|", "device " + CDU + " (" + cdu.description + ")", "port",
                Integer.toString(design.devices().stream().filter(d -> d.deviceUuid().equals(CDU)).findFirst()
                        .orElseThrow().port()), Integer.toString(newPort))), "the design has the CDU: " + expectedDiff);
        Ui.press(window, "Rescan");
        onUi(() -> {
            Combo designs = Ui.widget(window, Combo.class, ROLE, CommissioningRoles.DESIGN);
            int i = Arrays.asList(designs.getItems()).indexOf("commissioning example " + revision.label());
            assertTrue(i > 0, Arrays.toString(designs.getItems()));
            designs.select(i);
            designs.notifyListeners(SWT.Selection, new Event());
            return null;
        });
        Table diff = onUi(() -> Ui.widget(window, Table.class, ROLE, CommissioningRoles.DIFF));
        List<String> shownDiff = await("the design diff", () -> onUi(() -> {
            List<String> rows = Arrays.stream(diff.getItems()).map(i -> String.join("|", i.getText(0), i.getText(1),
                    i.getText(2), i.getText(3))).toList();
            return rows.size() == expectedDiff.size() ? rows : null;
        }));
        assertEquals(expectedDiff, shownDiff);

        // apply, with the confirmation listing the change
        Ui.press(window, "Apply...");
        Shell confirm = Ui.shell("Apply Topology");
        List<String> changes = onUi(() -> Arrays.asList(Ui.widgets(confirm, org.eclipse.swt.widgets.List.class)
                .get(0).getItems()));
        assertEquals(List.of("device " + CDU + " (" + cdu.description + "): port 15021 -> " + newPort), changes);
        Ui.press(confirm, "Apply");
        await("dtm_version 2 shown", () -> onUi(() -> label(CommissioningRoles.VERSION).contains(
                "Applied: dtm_version 2") ? true : null));
        GatewayTopology applied = topology();
        assertEquals(2, applied.version());
        assertEquals(newPort, device(applied.dtm()).port);
        assertEquals("live", applied.dtm().emsMode().json(), "a new address of a device is commissioning");
        Instant appliedAt = Instant.parse(applied.appliedAt());

        // measurements of the re-pointed device in the live view, newer than the apply
        Table values = onUi(() -> Ui.widget(window, Table.class, ROLE, CommissioningRoles.VALUES));
        int valueRow = await("a reading of the CDU's supply temperature after the apply", () -> onUi(() -> {
            TableItem[] items = values.getItems();
            for (int i = 0; i < items.length; i++) {
                if (items[i].getData() instanceof LiveSnapshot.LastValue v && v.assetId().equals(CDU.toString())
                        && v.parameter().contains("supply_temp") && v.gatewayTime() != null
                        && v.gatewayTime().isAfter(appliedAt)) {
                    return i;
                }
            }
            return null;
        }));
        Table adapters = onUi(() -> Ui.widget(window, Table.class, ROLE, CommissioningRoles.ADAPTERS));
        await("the CDU's adapter healthy", () -> onUi(() -> Arrays.stream(adapters.getItems()).anyMatch(i ->
                i.getText(0).equals("adapter_modbus_tcp_" + CDU) && i.getText(2).equals("HEALTHY")) ? true : null));
        onUi(() -> {
            TableItem item = values.getItem(valueRow);
            item.setChecked(true);
            Event e = new Event();
            e.item = item;
            e.detail = SWT.CHECK;
            values.notifyListeners(SWT.Selection, e);
            return null;
        });
        Canvas trend = onUi(() -> Ui.widget(window, Canvas.class, ROLE, CommissioningRoles.TREND));
        await("two samples in the trend", () -> onUi(() ->
                (Integer) trend.getData("arcnode.trend.samples") >= 2 ? true : null));

        // an alarm of the demo rules, acknowledged
        Table alarms = onUi(() -> Ui.widget(window, Table.class, ROLE, CommissioningRoles.ALARMS));
        String alarmId = await("an ACTIVE alarm", () -> onUi(() -> {
            for (int i = 0; i < alarms.getItemCount(); i++) {
                if ("ACTIVE".equals(alarms.getItem(i).getText(1))) {
                    alarms.setSelection(i);
                    alarms.notifyListeners(SWT.Selection, new Event());
                    return alarms.getItem(i).getText(0);
                }
            }
            return null;
        }));
        Ui.press(window, "Acknowledge");
        Shell comment = Ui.shell("Acknowledge " + alarmId);
        onUi(() -> {
            Ui.widgets(comment, Text.class).get(0).setText("seen during commissioning");
            return null;
        });
        Ui.press(comment, "OK");
        String by = System.getProperty("user.name");
        await(alarmId + " ACKNOWLEDGED by " + by, () -> onUi(() -> Arrays.stream(alarms.getItems()).anyMatch(i ->
                i.getText(0).equals(alarmId) && i.getText(1).equals("ACKNOWLEDGED") && i.getText(8).equals(by))
                ? true : null));
        Ui.screenshot(window, Path.of(System.getProperty("arcnode.screenshots")).resolve("commissioning.png"));

        // the gateway goes away: offline, the workbench keeps working
        gateway.close();
        await("the gateway offline", () -> onUi(() -> label(CommissioningRoles.STATUS).startsWith("OFFLINE: ")
                ? true : null));
        Ui.menu(window, "Window", "Orders");
    }

    private record Device(int port, String description) {
    }

    private static Device device(Dtm dtm) {
        return dtm.devices().stream().filter(d -> d.deviceUuid().equals(CDU))
                .map(d -> new Device(d.port(), d.description())).findFirst().orElseThrow();
    }

    private static int rowOf(Table table, UUID device) {
        for (int i = 0; i < table.getItemCount(); i++) {
            if (table.getItem(i).getData() instanceof TopologyRow r && r.deviceUuid().equals(device)) {
                return i;
            }
        }
        throw new AssertionError("no row of " + device);
    }

    /** Selects the row, clicks a cell (the viewer opens its editor), types {@code value} and presses Enter. */
    private static void editCell(Table table, int row, int column, String value) throws Exception {
        onUi(() -> {
            // the editor's text must keep the focus it gets, or JFace applies and closes it at once
            table.getShell().forceActive();
            table.forceFocus();
            table.setSelection(row); // JFace opens a cell editor on a click into the one selected row
            table.notifyListeners(SWT.Selection, new Event());
            table.showItem(table.getItem(row));
            Rectangle r = table.getItem(row).getBounds(column);
            Event down = new Event();
            down.button = 1;
            down.x = r.x + r.width / 2;
            down.y = r.y + r.height / 2;
            table.notifyListeners(SWT.MouseDown, down);
            return null;
        });
        Text editor = await("the cell editor", () -> onUi(() -> Ui.widgets(table, Text.class).stream()
                .filter(t -> t.isVisible()).findFirst().orElse(null)));
        onUi(() -> {
            editor.setText(value);
            editor.notifyListeners(SWT.DefaultSelection, new Event());
            return null;
        });
    }

    private static Text text(Shell shell, String field) {
        return Ui.widgets(shell, Text.class).stream().filter(t -> field.equals(t.getData(FIELD))).findFirst()
                .orElseThrow(() -> new AssertionError("no field " + field));
    }

    private static String label(String role) {
        return Ui.widget(window, Label.class, ROLE, role).getText();
    }

    /** The role names of the commissioning widgets ({@code CommissioningParts} of the UI bundle). */
    private static final class CommissioningRoles {
        static final String STATUS = "gateway.status";
        static final String ADAPTERS = "gateway.adapters";
        static final String TOPOLOGY = "topology.table";
        static final String VERSION = "topology.version";
        static final String EDIT_MESSAGE = "topology.message";
        static final String DESIGN = "topology.design";
        static final String DIFF = "topology.diff";
        static final String VALUES = "live.values";
        static final String TREND = "live.trend";
        static final String ALARMS = "alarms.table";
    }
}
