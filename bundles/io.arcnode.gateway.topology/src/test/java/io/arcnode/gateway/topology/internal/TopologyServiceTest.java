package io.arcnode.gateway.topology.internal;

import static io.arcnode.gateway.topology.internal.TestDtms.MODBUS;
import static io.arcnode.gateway.topology.internal.TestDtms.device;
import static io.arcnode.gateway.topology.internal.TestDtms.dtm;
import static io.arcnode.gateway.topology.internal.TestDtms.uuid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.dtm.EmsMode;
import io.arcnode.api.dtm.ProtocolKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T08:00:00.123456Z"), ZoneOffset.UTC);

    private final RecordingFactory modbus = new RecordingFactory(ProtocolKind.MODBUS_TCP);

    private TopologyService service(Path dir) {
        AdapterManager manager = new AdapterManager(TestDtms.ACKING, CLOCK);
        manager.addFactory(modbus);
        return new TopologyService(new TopologyStore(dir), manager, CLOCK);
    }

    @Test
    void nothingAppliedMeansNoTopology(@TempDir Path dir) {
        TopologyService s = service(dir);
        assertTrue(s.start().isEmpty());
        assertTrue(s.current().isEmpty());
    }

    @Test
    void bareThenCommissionedIncrementsTheVersionFlipsToLiveAndStartsTheAdapter(@TempDir Path dir) {
        TopologyService s = service(dir);
        s.start();
        var bare = s.apply(dtm("sim", device(1, "", 502, MODBUS)));
        assertEquals(1, bare.topology().dtmVersion());
        assertEquals(EmsMode.SIM, bare.topology().dtm().emsMode());
        assertEquals("2026-12-01T08:00:00.123Z", bare.topology().appliedAt());
        assertEquals(List.of(), modbus.created);

        var live = s.apply(dtm("sim", device(1, "192.168.10.5", 502, MODBUS)));
        assertEquals(2, live.topology().dtmVersion());
        assertEquals(EmsMode.LIVE, live.topology().dtm().emsMode(), "real connection data given: live");
        assertEquals(List.of(UUID.fromString(uuid(1))), live.reconciliation().started());
        assertEquals(List.of("start " + uuid(1) + " 192.168.10.5:502"), modbus.events);
        assertEquals(live.topology(), s.current().orElseThrow());
    }

    @Test
    void emsModeRule() {
        var sim = dtm("sim", device(1, "sim-bms", 502, MODBUS));
        assertEquals(EmsMode.SIM, TopologyService.emsMode(null, sim), "first DTM: as posted");
        assertEquals(EmsMode.LIVE, TopologyService.emsMode(null, dtm("live", device(1, "sim-bms", 502, MODBUS))));
        assertEquals(EmsMode.SIM, TopologyService.emsMode(sim, sim), "same connections: as posted");
        assertEquals(EmsMode.LIVE, TopologyService.emsMode(sim, dtm("sim", device(1, "sim-bms", 1502, MODBUS))),
                "port rewritten");
        assertEquals(EmsMode.SIM, TopologyService.emsMode(sim, dtm("sim", device(1, "", 502, MODBUS))),
                "connection removed is not commissioning");
        assertEquals(EmsMode.SIM, TopologyService.emsMode(sim, dtm("sim", device(2, "10.0.0.2", 502, MODBUS))),
                "a new device is not a rewrite of a known one");
    }

    @Test
    void aRestartComesBackWithTheLastAppliedDtmAndItsAdapters(@TempDir Path dir) throws Exception {
        TopologyService first = service(dir);
        first.start();
        first.apply(dtm("sim", device(1, "", 502, MODBUS)));
        var applied = first.apply(dtm("sim", device(1, "10.0.0.1", 502, MODBUS))).topology();

        RecordingFactory afterRestart = new RecordingFactory(ProtocolKind.MODBUS_TCP);
        AdapterManager manager = new AdapterManager(TestDtms.ACKING, CLOCK);
        manager.addFactory(afterRestart);
        TopologyService second = new TopologyService(new TopologyStore(dir), manager, CLOCK);
        assertEquals(applied, second.start().orElseThrow());
        assertEquals(List.of("start " + uuid(1) + " 10.0.0.1:502"), afterRestart.events);
        assertEquals(3, second.apply(applied.dtm()).topology().dtmVersion());

        var file = ArcnodeJson.mapper().readTree(dir.resolve(TopologyStore.FILE).toFile());
        assertEquals(3, file.get("dtm_version").asLong());
        assertEquals("live", file.get("dtm").get("ems_mode").asText());
    }

    @Test
    void aBrokenTopologyFileIsReportedWithItsPath(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(TopologyStore.FILE), "{\"dtm_version\":1,\"applied_at\":\"x\",\"dtm\":{}}");
        var e = assertThrows(IllegalStateException.class, () -> service(dir).start());
        assertTrue(e.getMessage().contains(dir.resolve(TopologyStore.FILE).toString()), e.getMessage());
        assertTrue(e.getMessage().contains("deployment_uuid"), e.getMessage());
    }

    @Test
    void aWriteLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        TopologyService s = service(dir);
        s.apply(dtm("sim", device(1, "", 502, MODBUS)));
        s.apply(dtm("sim", device(1, "", 503, MODBUS)));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(TopologyStore.FILE), files.map(p -> p.getFileName().toString()).toList());
        }
        assertFalse(Files.exists(dir.resolve("." + TopologyStore.FILE + ".tmp")));
    }
}
