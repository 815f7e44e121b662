package io.arcnode.gateway.topology.internal;

import static io.arcnode.gateway.topology.internal.TestDtms.MODBUS;
import static io.arcnode.gateway.topology.internal.TestDtms.SNMP;
import static io.arcnode.gateway.topology.internal.TestDtms.device;
import static io.arcnode.gateway.topology.internal.TestDtms.dtm;
import static io.arcnode.gateway.topology.internal.TestDtms.uuid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.adapter.AdapterStatus;
import io.arcnode.api.dtm.ProtocolKind;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.stream.api.PublishAck;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class AdapterManagerTest {

    private final List<Measurement> published = new ArrayList<>();
    private final RecordingFactory modbus = new RecordingFactory(ProtocolKind.MODBUS_TCP);
    private final AdapterManager manager = new AdapterManager(TestDtms.acking(published),
            Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC));

    @Test
    void aBareDeployStartsNoAdapterAndContactsNothing() {
        manager.addFactory(modbus);
        var r = manager.reconcile(dtm("sim", device(1, "", 502, MODBUS), device(2, " ", 502, MODBUS)));
        assertEquals(List.of(), modbus.created, "no adapter is created for a device without connection");
        assertEquals(List.of(id(1), id(2)), r.notConnected());
        assertEquals(List.of(), manager.adapters());
        assertEquals(2, manager.notConnected());
    }

    @Test
    void onlyChangedDevicesRestartRemovedOnesStopNewOnesStart() {
        manager.addFactory(modbus);
        manager.reconcile(dtm("sim", device(1, "10.0.0.1", 502, MODBUS), device(2, "10.0.0.2", 502, MODBUS),
                device(3, "10.0.0.3", 502, MODBUS)));
        modbus.events.clear();
        var r = manager.reconcile(dtm("live", device(1, "10.0.0.1", 502, MODBUS), device(2, "10.0.0.2", 1502, MODBUS),
                device(4, "10.0.0.4", 502, MODBUS)));
        assertEquals(List.of(id(4)), r.started());
        assertEquals(List.of(id(2)), r.restarted());
        assertEquals(List.of(id(3)), r.stopped());
        assertEquals(List.of(id(1)), r.unchanged());
        assertEquals(List.of("stop " + id(3), "stop " + id(2), "start " + id(2) + " 10.0.0.2:1502",
                "start " + id(4) + " 10.0.0.4:502"), modbus.events);
        assertEquals(List.of(id(1), id(2), id(4)), manager.adapters().stream().map(v -> v.deviceUuid()).toList());
    }

    @Test
    void aDescriptionChangeDoesNotReconnectButAConnectionRemovalStops() {
        manager.addFactory(modbus);
        manager.reconcile(dtm("sim", device(1, "10.0.0.1", 502, MODBUS)));
        modbus.events.clear();
        var r = manager.reconcile(dtm("sim", device(1, "10.0.0.1", 502, MODBUS).replace("device 1", "renamed")));
        assertEquals(List.of(id(1)), r.unchanged());
        assertEquals(List.of(), modbus.events);
        r = manager.reconcile(dtm("sim", device(1, "", 502, MODBUS)));
        assertEquals(List.of(id(1)), r.stopped());
        assertEquals(List.of("stop " + id(1)), modbus.events);
    }

    @Test
    void aProtocolWithoutFactoryIsUnsupportedUntilItsFactoryArrives() {
        manager.addFactory(modbus);
        manager.reconcile(dtm("sim", device(1, "10.0.0.1", 502, MODBUS), device(2, "10.0.0.2", 161, SNMP)));
        var views = manager.adapters();
        assertEquals(AdapterStatus.HEALTHY, views.get(0).health().status());
        assertEquals(AdapterStatus.UNSUPPORTED_PROTOCOL, views.get(1).health().status());
        assertEquals("adapter_snmp_" + id(2), views.get(1).health().adapterId());

        RecordingFactory snmp = new RecordingFactory(ProtocolKind.SNMP);
        manager.addFactory(snmp);
        assertEquals(List.of("start " + id(2) + " 10.0.0.2:161"), snmp.events);
        assertEquals(AdapterStatus.HEALTHY, manager.adapters().get(1).health().status());

        manager.removeFactory(snmp);
        assertEquals(List.of("start " + id(2) + " 10.0.0.2:161", "stop " + id(2)), snmp.events);
        assertEquals(AdapterStatus.UNSUPPORTED_PROTOCOL, manager.adapters().get(1).health().status());
    }

    @Test
    void measurementsAreCountedPerAdapterKeptAsLastValueAndPublished() {
        manager.addFactory(modbus);
        manager.reconcile(dtm("sim", device(1, "10.0.0.1", 502, MODBUS), device(2, "10.0.0.2", 502, MODBUS)));
        RecordingFactory.FakeAdapter first = modbus.created.get(0);
        first.emit("soc", 41.0);
        first.emit("soc", 42.5);
        modbus.created.get(1).emit("soh", 99.0);
        var views = manager.adapters();
        assertEquals(2, views.get(0).received());
        assertEquals(2, views.get(0).published());
        assertEquals(1, views.get(1).received());
        assertEquals(3, published.size());
        assertEquals(42.5, manager.lastValues().get(id(1) + "/soc").value());
        assertEquals(id(1).toString(), published.get(0).assetId(), "the device UUID is the default asset id");

        manager.reconcile(dtm("sim", device(1, "10.0.0.9", 502, MODBUS), device(2, "10.0.0.2", 502, MODBUS)));
        modbus.last().emit("soc", 43.0);
        assertEquals(3, manager.adapters().get(0).received(), "counts survive a reconnect of the same device");
    }

    @Test
    void withoutStreamMeasurementsAreCountedAsGapsNotPublished() {
        AdapterManager noStream = new AdapterManager(TestDtms.REFUSING, Clock.systemUTC());
        noStream.addFactory(modbus);
        noStream.reconcile(dtm("sim", device(1, "10.0.0.1", 502, MODBUS)));
        modbus.last().emit("soc", 1.0);
        assertEquals(1, noStream.adapters().get(0).received());
        assertEquals(0, noStream.adapters().get(0).published());
        assertEquals(1, noStream.adapters().get(0).gaps());
    }

    @Test
    void publishedMeansAcknowledgedByTheBrokerAndLossesAreGaps() {
        List<CompletableFuture<PublishAck>> pending = new ArrayList<>();
        AdapterManager m = new AdapterManager(x -> {
            CompletableFuture<PublishAck> f = new CompletableFuture<>();
            pending.add(f);
            return f;
        }, Clock.systemUTC());
        m.addFactory(modbus);
        m.reconcile(dtm("sim", device(1, "10.0.0.1", 502, MODBUS)));
        modbus.last().emit("soc", 1.0);
        modbus.last().emit("soc", 2.0);
        modbus.last().emit("soc", 3.0);
        assertEquals(List.of(3L, 0L, 0L), counts(m), "handed over is not published");

        pending.get(0).complete(new PublishAck("telemetry.raw", 4, 17));
        pending.get(1).completeExceptionally(new IllegalStateException("stream buffer full"));
        assertEquals(List.of(3L, 1L, 1L), counts(m), "one acknowledged, one lost, one still waiting");
        assertEquals(Map.of("telemetry.raw", 1L), m.publishedByTopic());
        var health = GatewayTopologyComponent.health(m);
        assertTrue(health.detail().contains("adapter_modbus_tcp_" + uuid(1) + " HEALTHY, 1 reading(s) lost as "
                + "stream gaps"), health.detail());
    }

    private static List<Long> counts(AdapterManager m) {
        var v = m.adapters().get(0);
        return List.of(v.received(), v.published(), v.gaps());
    }

    @Test
    void closeStopsEveryAdapter() {
        manager.addFactory(modbus);
        manager.reconcile(dtm("sim", device(1, "10.0.0.1", 502, MODBUS), device(2, "10.0.0.2", 502, MODBUS)));
        manager.close();
        assertTrue(modbus.events.containsAll(List.of("stop " + id(1), "stop " + id(2))));
        assertEquals(List.of(), manager.adapters());
    }

    private static UUID id(int n) {
        return UUID.fromString(uuid(n));
    }
}
