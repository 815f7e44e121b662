package io.arcnode.gateway.topology.internal;

import static io.arcnode.gateway.topology.internal.TestDtms.ACKING;
import static io.arcnode.gateway.topology.internal.TestDtms.MODBUS;
import static io.arcnode.gateway.topology.internal.TestDtms.SNMP;
import static io.arcnode.gateway.topology.internal.TestDtms.device;
import static io.arcnode.gateway.topology.internal.TestDtms.dtm;
import static io.arcnode.gateway.topology.internal.TestDtms.uuid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.arcnode.api.dtm.ProtocolKind;
import io.arcnode.api.health.HealthStatus;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class ResponsesTest {

    @Test
    void measurementsBodyHasTotalsPerAdapterCountsAndLastValues() {
        RecordingFactory modbus = new RecordingFactory(ProtocolKind.MODBUS_TCP);
        AdapterManager manager = new AdapterManager(ACKING, Clock.systemUTC());
        manager.addFactory(modbus);
        manager.reconcile(dtm("sim", device(1, "10.0.0.1", 502, MODBUS), device(2, "10.0.0.2", 161, SNMP),
                device(3, "", 502, MODBUS)));
        modbus.last().emit("soc", 55.5);
        var body = Responses.measurements(manager.adapters(), manager.notConnected(), manager.publishedByTopic(),
                manager.lastValues());
        assertEquals(1, body.get("received").asLong());
        assertEquals(1, body.get("published").asLong());
        assertEquals(0, body.get("gaps").asLong());
        assertEquals(1, body.get("published_by_topic").get("telemetry.raw").asLong(), body.toString());
        assertEquals(0, body.get("adapters").get(0).get("gaps").asLong());
        assertEquals(1, body.get("devices_without_connection").asInt());
        assertEquals("adapter_modbus_tcp_" + uuid(1), body.get("adapters").get(0).get("adapter_id").asText());
        assertEquals(1, body.get("adapters").get(0).get("received").asLong());
        assertEquals("UNSUPPORTED_PROTOCOL", body.get("adapters").get(1).get("status").asText());
        assertEquals(55.5, body.get("last_values").get(uuid(1) + "/soc").get("value").asDouble());

        var health = GatewayTopologyComponent.health(manager);
        assertEquals(HealthStatus.DEGRADED, health.status(), "an unsupported protocol is a known gap");
        assertEquals("adapters", health.component());
    }
}
