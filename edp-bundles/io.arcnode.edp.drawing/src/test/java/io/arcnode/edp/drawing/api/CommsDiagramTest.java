package io.arcnode.edp.drawing.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.dtm.Device;
import io.arcnode.api.dtm.Dtm;
import io.arcnode.api.dtm.ProtocolKind;
import io.arcnode.api.edp.BessCoupling;
import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.ModuleResolution;
import io.arcnode.edp.drawing.internal.CommsLayout;
import io.arcnode.edp.testreaders.api.DxfEntities;
import io.arcnode.edp.testreaders.api.DxfPairs;
import io.arcnode.edp.testreaders.api.Ezdxf;
import io.arcnode.edp.testreaders.api.PdfText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CommsDiagramTest {

    record Case(ConfiguratorPayload payload, ModuleResolution resolution, Dtm dtm, Drawing drawing) {
    }

    static Case comms(ConfiguratorPayload p) {
        ModuleResolution r = Fixtures.resolution(p);
        Dtm dtm = Fixtures.dtm(r);
        return new Case(p, r, dtm, CommsDiagram.generate(p, r, dtm, "A", Fixtures.DATE));
    }

    static long occurrences(List<String> texts, String s) {
        return texts.stream().filter(s::equals).count();
    }

    @Test
    void everyDeviceWithProtocolHostAndPort() throws Exception {
        Case c = comms(Fixtures.payload(112, BessCoupling.AC_COUPLED));
        Drawing d = c.drawing();
        String text = PdfText.of(d.pdf());
        DxfEntities e = DxfEntities.of(d.dxf());
        for (String s : List.of("COMMUNICATION NETWORK DIAGRAM", "EDP-6D1F0C3A-COM-001", "Site Alpha",
                "EMS / GATEWAY", "CORE SWITCH", "compute-01 (C01)", "compute-02 (C02)", "grid-01 (G01)",
                "grid_container_commercial_ac", "gpu_node_bmc / redfish", "cdu / modbus_tcp",
                "mv_protection_relay / dnp3_tcp", "network_switch / snmp", "DEVICE TABLE (30 devices)",
                "DEVICE TABLE COMPLETE: EVERY DEVICE OF THE DTM", "ONE BRANCH PER MODULE")) {
            assertTrue(text.contains(s), s + " in PDF:\n" + text);
            assertTrue(e.texts().stream().anyMatch(v -> v.contains(s)), s + " in DXF");
        }
        assertEquals(30, c.dtm().devices().size());
        for (Device dev : c.dtm().devices()) {
            String hp = dev.host() + ":" + dev.port();
            assertTrue(text.contains(hp), hp + " in PDF");
            // once in its branch, once in the table, both on the protocol's layer
            assertEquals(2, occurrences(e.texts(), hp), hp);
            String layer = CommsLayout.protocolLayer(dev.protocolConfig().protocol());
            assertTrue(e.list().stream().filter(x -> hp.equals(x.text())).allMatch(x -> layer.equals(x.layer())),
                    hp + " on " + layer);
        }
        assertEquals(30 + 4, e.inserts(CommsLayout.S_DEVICE), "one symbol per device + legend per protocol used");
    }

    @Test
    void aLayerPerProtocolAndCanopenOnlyWithTheDcGridContainer() {
        Case ac = comms(Fixtures.payload(56, BessCoupling.AC_COUPLED));
        Case dc = comms(Fixtures.payload(56, BessCoupling.DC_EXTERNAL_PCS));
        List<String> acLayers = DxfEntities.of(ac.drawing().dxf()).layers();
        List<String> dcLayers = DxfEntities.of(dc.drawing().dxf()).layers();
        for (String l : List.of("PROTO_MODBUS", "PROTO_DNP3", "PROTO_SNMP", "PROTO_REDFISH")) {
            assertTrue(acLayers.contains(l), l);
            assertTrue(dcLayers.contains(l), l);
        }
        assertFalse(acLayers.contains("PROTO_CANOPEN"));
        assertTrue(dcLayers.contains("PROTO_CANOPEN"));
        DxfEntities e = DxfEntities.of(dc.drawing().dxf());
        assertEquals("PROTO_CANOPEN", e.layerOfText("bess_bms / canopen_gw"));
        assertEquals("PROTO_CANOPEN", e.layerOfText("sim-grid-bms-gw.grid-01:19227"));
        assertEquals("PROTO_REDFISH", e.layerOfText("sim-compute-bmc-07.compute-01:443"));
        assertEquals("grid_container_commercial_dc", e.list().stream()
                .filter(x -> "grid_container_commercial_dc".equals(x.text())).findFirst().orElseThrow().text());
        // the grid container branch comes first although the DTM lists it last
        List<String> texts = e.texts();
        assertTrue(texts.indexOf("grid-01 (G01)") < texts.indexOf("compute-01 (C01)"));
        for (ProtocolKind k : ProtocolKind.values()) {
            assertTrue(DxfPairs.parse(dc.drawing().dxf()).declaredLayers().contains(CommsLayout.protocolLayer(k)));
        }
    }

    @Test
    void branchesAreSummarisedButTheTableStaysCompleteWhileItFits() throws Exception {
        // 12 compute containers x 12 devices + 6 grid devices = 150 devices <= 164 table rows
        Case c = comms(Fixtures.payload(12 * 56, BessCoupling.AC_COUPLED));
        assertEquals(150, c.dtm().devices().size());
        Drawing d = c.drawing();
        String text = PdfText.of(d.pdf());
        DxfEntities e = DxfEntities.of(d.dxf());
        for (String s : List.of("compute-08 .. compute-12", "(5 modules)", "redfish: 35 devices",
                "modbus_tcp: 20 devices", "snmp: 5 devices", "60 devices, see table and dtm.json",
                "DEVICE TABLE COMPLETE", "BRANCHES: FIRST 8 MODULES DRAWN, compute-08 .. compute-12 SUMMARISED")) {
            assertTrue(text.contains(s), s + " in PDF:\n" + text);
            assertTrue(e.texts().stream().anyMatch(v -> v.contains(s)), s + " in DXF");
        }
        assertFalse(e.texts().contains("compute-08 (C08)"));
        for (Device dev : c.dtm().devices()) {
            String hp = dev.host() + ":" + dev.port();
            assertTrue(e.texts().contains(hp), hp + " in the table");
            assertTrue(text.contains(hp), hp + " in the PDF");
        }
        assertFalse(text.contains("more devices, see dtm.json"));
    }

    @Test
    void thousandContainersTruncateTheTableWithAClearLine() throws Exception {
        Case c = comms(Fixtures.payload(56_000, BessCoupling.AC_COUPLED));
        int n = c.dtm().devices().size();
        assertEquals(12_006, n);
        Drawing d = c.drawing();
        String text = PdfText.of(d.pdf());
        DxfEntities e = DxfEntities.of(d.dxf());
        int listed = CommsLayout.TABLE_CAPACITY - 1;
        for (String s : List.of("... " + (n - listed) + " more devices, see dtm.json",
                "DEVICE TABLE (" + n + " devices, first " + listed + " listed)", "compute-0008 .. compute-1000",
                "(993 modules)", "DEVICE TABLE TRUNCATED AT " + listed + " ROWS: THE COMPLETE LIST IS dtm.json",
                "sim-compute-cdu.compute-0001:502")) {
            assertTrue(text.contains(s), s + " in PDF");
            assertTrue(e.texts().stream().anyMatch(v -> v.contains(s)), s + " in DXF");
        }
        // 9 module boxes: grid-01 + compute-0001..0007 + summary; table rows = listed (4 cells each)
        long rows = e.list().stream().filter(x -> x.text() != null && x.text().matches("(compute|grid)-\\d+")
                && x.layer().startsWith("PROTO_")).count();
        assertEquals(listed, rows);
    }

    @ParameterizedTest
    @EnumSource(BessCoupling.class)
    void deterministicBothFormats(BessCoupling bess) {
        Drawing a = comms(Fixtures.payload(1_200, bess)).drawing();
        Drawing b = comms(Fixtures.payload(1_200, bess)).drawing();
        assertArrayEquals(a.dxf(), b.dxf());
        assertArrayEquals(a.pdf(), b.pdf());
    }

    @Test
    void ezdxfAudits(@TempDir Path dir) throws Exception {
        List<Drawing> drawings = new ArrayList<>();
        for (BessCoupling bess : BessCoupling.values()) {
            drawings.add(comms(Fixtures.payload(112, bess)).drawing());
        }
        drawings.add(comms(Fixtures.payload(56_000, BessCoupling.DC_INTEGRATED_PCS)).drawing());
        drawings.add(comms(Fixtures.offGrid(56)).drawing());
        for (Drawing d : drawings) {
            Ezdxf.auditDrawing("CommsDiagram", d.dxf(), d.sheet().toDxfModel().entityCounts(), dir);
        }
    }

    @Test
    void inconsistentInputsAreRejected() {
        ConfiguratorPayload p = Fixtures.payload(56, BessCoupling.NONE);
        ModuleResolution r = Fixtures.resolution(p);
        Dtm dtm = Fixtures.dtm(r);
        Dtm otherDeployment = new Dtm(UUID.fromString("00000000-0000-4000-8000-000000000001"), dtm.emsMode(),
                dtm.sizingParams(), dtm.modules(), dtm.devices());
        assertThrows(IllegalArgumentException.class, () -> CommsDiagram.sheet(p, r, otherDeployment, "A", Fixtures.DATE));
        List<Device> devices = new ArrayList<>(dtm.devices());
        Device first = devices.get(0);
        devices.set(0, new Device(first.deviceUuid(), first.deviceType(), "compute-99", first.host(), first.port(),
                first.protocolConfig(), first.description()));
        Dtm orphan = new Dtm(dtm.deploymentUuid(), dtm.emsMode(), dtm.sizingParams(), dtm.modules(), devices);
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> CommsDiagram.sheet(p, r, orphan, "A", Fixtures.DATE));
        assertTrue(ex.getMessage().contains("compute-99"), ex.getMessage());
    }

    @Test
    void deviceOrderInTheTableFollowsTheDtm() {
        Case c = comms(Fixtures.payload(56, BessCoupling.NONE));
        List<String> texts = DxfEntities.of(c.drawing().dxf()).texts();
        List<Integer> positions = new ArrayList<>();
        for (Device dev : c.dtm().devices()) {
            String hp = dev.host() + ":" + dev.port();
            positions.add(texts.lastIndexOf(hp)); // the table row comes after the branch label
        }
        List<Integer> sorted = new ArrayList<>(positions);
        Collections.sort(sorted);
        assertEquals(sorted, positions);
    }
}
