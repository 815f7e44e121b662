package io.arcnode.edp.drawing.internal;

import io.arcnode.api.Violation;
import io.arcnode.api.dtm.Device;
import io.arcnode.api.dtm.Dtm;
import io.arcnode.api.dtm.Dtms;
import io.arcnode.api.dtm.ProtocolKind;
import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.ModuleResolution;
import io.arcnode.edp.drawing.api.Dxf.HAlign;
import io.arcnode.edp.drawing.api.Dxf.VAlign;
import io.arcnode.edp.drawing.api.Sheet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Lays out the communication network diagram of one deployment from its DTM on an A3 sheet (paper mm).
 * Rules (also in the README):
 * <ul>
 * <li>top: EMS / gateway, core switch (NW plates), a trunk with one branch per module; in a branch the
 * module box (module id, container position, module type) and its devices, ordered by protocol, each a
 * small symbol with {@code device_type / protocol} and {@code host:port};</li>
 * <li>modules in DTM order with non-compute modules (grid-01) first; at most {@value #MAX_BRANCHES} branches
 * drawn individually, the rest one summary branch with the device count per protocol; at most
 * {@value #MAX_DEVICES_PER_BRANCH} device rows per branch (the last says how many more);</li>
 * <li>a layer per protocol ({@link #protocolLayer}): device symbols, taps, labels and table rows of a
 * device are on its protocol's layer;</li>
 * <li>bottom: the device table, one row per device (module, type, protocol, host:port) in DTM module order,
 * {@value #TABLE_COLUMNS} columns of {@value #TABLE_ROWS} rows; when there are more devices than the
 * {@value #TABLE_CAPACITY} rows the last row reads {@code ... N more devices, see dtm.json}.</li>
 * </ul>
 */
public final class CommsLayout {

    /** Module branches drawn individually; the remaining modules become one summary branch. */
    public static final int MAX_BRANCHES = 8;
    /** Device rows under one branch. */
    public static final int MAX_DEVICES_PER_BRANCH = 12;
    /** Device table geometry. */
    public static final int TABLE_COLUMNS = 4;
    public static final int TABLE_ROWS = 41;
    public static final int TABLE_CAPACITY = TABLE_COLUMNS * TABLE_ROWS;

    public static final String L_NETWORK = "NETWORK";
    public static final String L_EQUIPMENT = "EQUIPMENT";
    public static final String L_TABLE = "TABLE";
    public static final String L_TEXT = "TEXT";

    public static final String S_DEVICE = "DEVICE";
    public static final String S_SWITCH = "SWITCH";

    static final double BRANCH_PITCH = 43;
    static final double TRUNK_Y = 246;
    static final double MODULE_TOP = 240;
    static final double MODULE_BOTTOM = 232;
    static final double DEVICE_Y0 = 227;
    static final double DEVICE_PITCH = 5.2;
    static final double TABLE_TOP = 162;
    static final double TABLE_ROW_PITCH = 2.3;
    static final double TABLE_COL_W = 97.5;

    private CommsLayout() {
    }

    /** DXF layer of a protocol: PROTO_MODBUS, PROTO_DNP3, PROTO_SNMP, PROTO_CANOPEN, PROTO_REDFISH. */
    public static String protocolLayer(ProtocolKind k) {
        return switch (k) {
            case MODBUS_TCP -> "PROTO_MODBUS";
            case DNP3_TCP -> "PROTO_DNP3";
            case SNMP -> "PROTO_SNMP";
            case CANOPEN_GW -> "PROTO_CANOPEN";
            case REDFISH -> "PROTO_REDFISH";
        };
    }

    static int protocolColour(ProtocolKind k) {
        return switch (k) {
            case MODBUS_TCP -> 1;
            case DNP3_TCP -> 6;
            case SNMP -> 3;
            case CANOPEN_GW -> 2;
            case REDFISH -> 4;
        };
    }

    static ProtocolKind kind(Device d) {
        return d.protocolConfig().protocol();
    }

    /** One table row: module, type, protocol, host:port. */
    public static List<String> row(Device d) {
        return List.of(d.moduleId(), d.deviceType(), kind(d).json(), d.host() + ":" + d.port());
    }

    public static Sheet layout(ConfiguratorPayload p, ModuleResolution r, Dtm dtm, Sheet.TitleBlock tb) {
        Objects.requireNonNull(p, "payload");
        Objects.requireNonNull(r, "resolution");
        Objects.requireNonNull(dtm, "dtm");
        if (!Objects.equals(p.deploymentId(), r.deploymentId()) || !Objects.equals(p.deploymentId(), dtm.deploymentUuid())) {
            throw new IllegalArgumentException("payload, resolution and DTM are for different deployments: "
                    + p.deploymentId() + ", " + r.deploymentId() + ", " + dtm.deploymentUuid());
        }
        if (dtm.modules() == null || dtm.devices() == null) {
            throw new IllegalArgumentException("DTM without modules or devices");
        }
        List<Violation> violations = Dtms.validate(dtm);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("invalid DTM: " + violations.get(0).message()
                    + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
        }
        for (Device d : dtm.devices()) {
            if (d.protocolConfig() == null) {
                throw new IllegalArgumentException("device " + d.deviceUuid() + " has no protocol_config");
            }
        }
        Sheet.Builder b = Sheet.builder(tb).scale(100, false)
                .layer(L_NETWORK, 5, 0.4)
                .layer(L_EQUIPMENT, 7, 0.3);
        for (ProtocolKind k : ProtocolKind.values()) {
            b.layer(protocolLayer(k), protocolColour(k), 0.25);
        }
        b.layer(L_TABLE, 8, 0.18).layer(L_TEXT, 7, 0.18);
        b.symbol(S_DEVICE).rect(-1.2, -1.2, 2.4, 2.4).done();
        b.symbol(S_SWITCH).rect(-20, -4, 40, 8).line(-16, -1.5, -10, -1.5).line(-16, 1.5, -10, 1.5)
                .polyline(true, -10, -2.5, -8.5, -1.5, -10, -0.5).polyline(true, -16, 0.5, -17.5, 1.5, -16, 2.5).done();

        Map<String, List<Device>> byModule = new LinkedHashMap<>();
        List<io.arcnode.api.dtm.Module> ordered = new ArrayList<>();
        for (io.arcnode.api.dtm.Module m : dtm.modules()) {
            if (!m.moduleId().startsWith("compute-")) {
                ordered.add(m);
            }
        }
        for (io.arcnode.api.dtm.Module m : dtm.modules()) {
            if (m.moduleId().startsWith("compute-")) {
                ordered.add(m);
            }
        }
        for (io.arcnode.api.dtm.Module m : ordered) {
            if (byModule.put(m.moduleId(), new ArrayList<>()) != null) {
                throw new IllegalArgumentException("duplicate module_id in the DTM: " + m.moduleId());
            }
        }
        for (Device d : dtm.devices()) {
            byModule.get(d.moduleId()).add(d);
        }
        header(b, r, dtm);
        branches(b, ordered, byModule);
        List<Device> tableOrder = new ArrayList<>();
        for (io.arcnode.api.dtm.Module m : dtm.modules()) {
            tableOrder.addAll(byModule.get(m.moduleId()));
        }
        table(b, tableOrder);
        notes(b, dtm, ordered, tableOrder.size());
        return b.build();
    }

    private static void header(Sheet.Builder b, ModuleResolution r, Dtm dtm) {
        double cx = 210;
        b.rect(L_EQUIPMENT, cx - 40, 267, 80, 13);
        b.text(L_TEXT, cx, 276, 2.2, HAlign.CENTER, VAlign.MIDDLE, "EMS / GATEWAY");
        b.text(L_TEXT, cx, 271, 1.5, HAlign.CENTER, VAlign.MIDDLE,
                "ems_mode " + dtm.emsMode().json() + ", EMS target " + r.emsTarget().json());
        b.line(L_NETWORK, cx, 267, cx, 260);
        b.insert(L_EQUIPMENT, S_SWITCH, cx, 256, 1, 0);
        b.text(L_TEXT, cx + 3, 256, 1.8, HAlign.CENTER, VAlign.MIDDLE, "CORE SWITCH");
        b.text(L_TEXT, cx + 22, 256, 1.5, HAlign.LEFT, VAlign.MIDDLE, "NW PLATES TO EVERY MODULE");
        b.line(L_NETWORK, cx, 252, cx, TRUNK_Y);
        // legend: a layer per protocol, with its device count
        Map<ProtocolKind, Integer> counts = new EnumMap<>(ProtocolKind.class);
        for (Device d : dtm.devices()) {
            counts.merge(kind(d), 1, Integer::sum);
        }
        double y = 279;
        b.text(L_TEXT, 20, y, 1.8, HAlign.LEFT, VAlign.BASELINE, "PROTOCOLS (LAYER): DEVICES");
        for (Map.Entry<ProtocolKind, Integer> e : counts.entrySet()) {
            y -= 3.6;
            String layer = protocolLayer(e.getKey());
            b.line(layer, 20, y + 0.6, 27, y + 0.6);
            b.insert(layer, S_DEVICE, 23.5, y + 0.6, 1, 0);
            b.text(layer, 29, y, 1.6, HAlign.LEFT, VAlign.BASELINE,
                    e.getKey().json() + " (" + layer + "): " + e.getValue());
        }
    }

    private static void branches(Sheet.Builder b, List<io.arcnode.api.dtm.Module> ordered,
            Map<String, List<Device>> byModule) {
        int individual = Math.min(ordered.size(), MAX_BRANCHES);
        boolean summary = ordered.size() > MAX_BRANCHES;
        int k = individual + (summary ? 1 : 0);
        double x0 = Sheet.CONTENT_AREA.x() + (Sheet.CONTENT_AREA.w() - k * BRANCH_PITCH) / 2 + BRANCH_PITCH / 2;
        double first = x0;
        double last = x0 + (k - 1) * BRANCH_PITCH;
        b.line(L_NETWORK, Math.min(first, 210), TRUNK_Y, Math.max(last, 210), TRUNK_Y);
        for (int i = 0; i < k; i++) {
            double cx = x0 + i * BRANCH_PITCH;
            b.line(L_NETWORK, cx, TRUNK_Y, cx, MODULE_TOP);
            b.rect(L_EQUIPMENT, cx - 19, MODULE_BOTTOM, 38, MODULE_TOP - MODULE_BOTTOM);
            if (i < individual) {
                io.arcnode.api.dtm.Module m = ordered.get(i);
                b.text(L_TEXT, cx, 237.6, 1.8, HAlign.CENTER, VAlign.MIDDLE,
                        m.moduleId() + " (" + m.containerPosition() + ")");
                b.text(L_TEXT, cx, 234.2, 1.3, HAlign.CENTER, VAlign.MIDDLE, m.moduleType());
                devices(b, cx, byModule.get(m.moduleId()));
            } else {
                List<io.arcnode.api.dtm.Module> rest = ordered.subList(individual, ordered.size());
                b.rect(L_EQUIPMENT, cx - 18.3, MODULE_BOTTOM + 0.7, 36.6, MODULE_TOP - MODULE_BOTTOM - 1.4);
                b.text(L_TEXT, cx, 237.6, 1.5, HAlign.CENTER, VAlign.MIDDLE,
                        rest.get(0).moduleId() + " .. " + rest.get(rest.size() - 1).moduleId());
                b.text(L_TEXT, cx, 234.2, 1.3, HAlign.CENTER, VAlign.MIDDLE, "(" + rest.size() + " modules)");
                summaryDevices(b, cx, rest, byModule);
            }
        }
    }

    private static void devices(Sheet.Builder b, double cx, List<Device> list) {
        List<Device> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparing(CommsLayout::kind)); // stable: DTM order within a protocol
        if (sorted.isEmpty()) {
            b.text(L_TEXT, cx, DEVICE_Y0, 1.2, HAlign.CENTER, VAlign.MIDDLE, "(no devices)");
            return;
        }
        boolean more = sorted.size() > MAX_DEVICES_PER_BRANCH;
        int rows = more ? MAX_DEVICES_PER_BRANCH - 1 : sorted.size();
        double bx = cx - 16;
        double lastY = DEVICE_Y0 - (rows - 1 + (more ? 1 : 0)) * DEVICE_PITCH;
        b.line(L_NETWORK, bx, MODULE_BOTTOM, bx, lastY);
        for (int i = 0; i < rows; i++) {
            Device d = sorted.get(i);
            String layer = protocolLayer(kind(d));
            double y = DEVICE_Y0 - i * DEVICE_PITCH;
            b.line(layer, bx, y, cx - 13, y);
            b.insert(layer, S_DEVICE, cx - 11.8, y, 1, 0);
            b.text(layer, cx - 9.8, y + 0.35, 1.2, HAlign.LEFT, VAlign.BOTTOM, d.deviceType() + " / " + kind(d).json());
            b.text(layer, cx - 9.8, y - 0.35, 1.1, HAlign.LEFT, VAlign.TOP, d.host() + ":" + d.port());
        }
        if (more) {
            b.text(L_TEXT, cx - 13, lastY, 1.2, HAlign.LEFT, VAlign.MIDDLE,
                    "+ " + (sorted.size() - rows) + " more devices (see table)");
        }
    }

    private static void summaryDevices(Sheet.Builder b, double cx, List<io.arcnode.api.dtm.Module> rest,
            Map<String, List<Device>> byModule) {
        Map<ProtocolKind, Integer> counts = new EnumMap<>(ProtocolKind.class);
        int total = 0;
        for (io.arcnode.api.dtm.Module m : rest) {
            for (Device d : byModule.get(m.moduleId())) {
                counts.merge(kind(d), 1, Integer::sum);
                total++;
            }
        }
        double bx = cx - 16;
        int i = 0;
        for (Map.Entry<ProtocolKind, Integer> e : counts.entrySet()) {
            String layer = protocolLayer(e.getKey());
            double y = DEVICE_Y0 - i * DEVICE_PITCH;
            b.line(layer, bx, y, cx - 13, y);
            b.insert(layer, S_DEVICE, cx - 11.8, y, 1, 0);
            b.text(layer, cx - 9.8, y, 1.2, HAlign.LEFT, VAlign.MIDDLE, e.getKey().json() + ": " + e.getValue() + " devices");
            i++;
        }
        double lastY = DEVICE_Y0 - Math.max(0, i - 1) * DEVICE_PITCH;
        if (i > 0) {
            b.line(L_NETWORK, bx, MODULE_BOTTOM, bx, lastY);
        }
        b.text(L_TEXT, cx - 16, lastY - DEVICE_PITCH, 1.2, HAlign.LEFT, VAlign.MIDDLE,
                total + " devices, see table and dtm.json");
    }

    private static void table(Sheet.Builder b, List<Device> devices) {
        double x0 = Sheet.CONTENT_AREA.x();
        int n = devices.size();
        boolean truncated = n > TABLE_CAPACITY;
        int listed = truncated ? TABLE_CAPACITY - 1 : n;
        b.text(L_TEXT, x0 + 2, TABLE_TOP + 1.5, 2.0, HAlign.LEFT, VAlign.BASELINE,
                "DEVICE TABLE (" + n + " devices" + (truncated ? ", first " + listed + " listed" : "") + ")");
        int usedCols = Math.max(1, Math.min(TABLE_COLUMNS, (n + (truncated ? 1 : 0) + TABLE_ROWS - 1) / TABLE_ROWS));
        double headY = TABLE_TOP - 3;
        double bottom = headY - 1.2 - TABLE_ROWS * TABLE_ROW_PITCH;
        b.line(L_TABLE, x0, TABLE_TOP, x0 + usedCols * TABLE_COL_W, TABLE_TOP);
        b.line(L_TABLE, x0, headY - 1.2, x0 + usedCols * TABLE_COL_W, headY - 1.2);
        for (int c = 0; c <= usedCols; c++) {
            b.line(L_TABLE, x0 + c * TABLE_COL_W, TABLE_TOP, x0 + c * TABLE_COL_W, bottom);
        }
        double[] off = {1.5, 18, 42, 57};
        String[] head = {"MODULE", "TYPE", "PROTOCOL", "HOST:PORT"};
        for (int c = 0; c < usedCols; c++) {
            for (int k = 0; k < head.length; k++) {
                b.text(L_TABLE, x0 + c * TABLE_COL_W + off[k], headY, 1.3, HAlign.LEFT, VAlign.MIDDLE, head[k]);
            }
        }
        for (int i = 0; i < listed; i++) {
            Device d = devices.get(i);
            int c = i / TABLE_ROWS;
            double y = headY - 1.2 - (i % TABLE_ROWS + 0.5) * TABLE_ROW_PITCH;
            String layer = protocolLayer(kind(d));
            List<String> cells = row(d);
            for (int k = 0; k < cells.size(); k++) {
                b.text(layer, x0 + c * TABLE_COL_W + off[k], y, 1.2, HAlign.LEFT, VAlign.MIDDLE, cells.get(k));
            }
        }
        if (truncated) {
            int c = TABLE_COLUMNS - 1;
            double y = headY - 1.2 - (TABLE_ROWS - 0.5) * TABLE_ROW_PITCH;
            b.text(L_TEXT, x0 + c * TABLE_COL_W + off[0], y, 1.3, HAlign.LEFT, VAlign.MIDDLE,
                    "... " + (n - listed) + " more devices, see dtm.json");
        }
    }

    private static void notes(Sheet.Builder b, Dtm dtm, List<io.arcnode.api.dtm.Module> ordered, int devices) {
        int individual = Math.min(ordered.size(), MAX_BRANCHES);
        List<String> lines = new ArrayList<>();
        lines.add("NOTES");
        lines.add("DTM: " + ordered.size() + " modules, " + devices + " devices, ems_mode " + dtm.emsMode().json());
        lines.add(ordered.size() > MAX_BRANCHES
                ? "BRANCHES: FIRST " + individual + " MODULES DRAWN, " + ordered.get(individual).moduleId() + " .. "
                        + ordered.get(ordered.size() - 1).moduleId() + " SUMMARISED BY PROTOCOL"
                : "ONE BRANCH PER MODULE");
        lines.add(devices > TABLE_CAPACITY
                ? "DEVICE TABLE TRUNCATED AT " + (TABLE_CAPACITY - 1) + " ROWS: THE COMPLETE LIST IS dtm.json"
                : "DEVICE TABLE COMPLETE: EVERY DEVICE OF THE DTM");
        lines.add("ONE LAYER PER PROTOCOL: PROTO_MODBUS, PROTO_DNP3, PROTO_SNMP, PROTO_CANOPEN, PROTO_REDFISH");
        lines.add("SCHEMATIC - NOT TO SCALE");
        double y = 48;
        for (String l : lines) {
            b.text(L_TEXT, 18, y, 1.9, HAlign.LEFT, VAlign.BASELINE, l);
            y -= 4.6;
        }
    }
}
