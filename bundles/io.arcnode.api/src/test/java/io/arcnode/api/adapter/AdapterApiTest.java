package io.arcnode.api.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.dtm.ProtocolKind;
import io.arcnode.api.health.HealthStatus;
import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdapterApiTest {

    private static final Instant NOW = Instant.parse("2026-01-29T10:00:00.456789Z");
    private static final PointTarget TARGET =
            new PointTarget("line_1_sensor_01", "temperature", "celsius", Classification.TELEMETRY);
    private final Normalizer normalizer =
            new Normalizer(Clock.fixed(NOW, ZoneOffset.UTC), Map.of("adapter_id", "adapter_modbus_001"));

    @Test
    void missingDeviceTimeMakesGoodUncertainAndGatewayTimeComesFromTheClock() {
        Measurement m = normalizer.measurement(TARGET, 85.4, Quality.GOOD, null);
        assertEquals(Quality.UNCERTAIN, m.quality());
        assertNull(m.timestamps().deviceTime());
        assertEquals(Instant.parse("2026-01-29T10:00:00.456Z"), m.timestamps().gatewayTime());
        assertEquals("line_1_sensor_01", m.assetId());
        assertEquals("celsius", m.unit());
        assertEquals(Classification.TELEMETRY, m.classification());
        assertEquals(Map.of("adapter_id", "adapter_modbus_001"), m.metadata());
    }

    @Test
    void deviceTimeKeepsTheQuality() {
        Instant device = Instant.parse("2026-01-29T10:00:00.123Z");
        Measurement m = normalizer.measurement(TARGET, 1, Quality.GOOD, device);
        assertEquals(Quality.GOOD, m.quality());
        assertEquals(device, m.timestamps().deviceTime());
        assertEquals(333L, m.timestamps().clockSkewMillis());
    }

    @Test
    void worseQualityIsKeptWithoutDeviceTime() {
        assertEquals(Quality.BAD, normalizer.measurement(TARGET, 1, Quality.BAD, null).quality());
        assertEquals(Quality.SUSPECT, normalizer.measurement(TARGET, 1, Quality.SUSPECT, null).quality());
    }

    @Test
    void classificationComesFromTheTarget() {
        PointTarget alarm = new PointTarget("fire_panel", "zone_1", null, Classification.ALARM);
        Measurement m = normalizer.measurement(alarm, 1, Quality.GOOD, null);
        assertEquals(Classification.ALARM, m.classification());
        assertEquals("", m.unit());
    }

    @Test
    void statusMapsToTheGatewayRollup() {
        assertEquals(HealthStatus.HEALTHY, AdapterStatus.HEALTHY.toHealthStatus());
        assertEquals(HealthStatus.DEGRADED, AdapterStatus.DEGRADED.toHealthStatus());
        assertEquals(HealthStatus.UNHEALTHY, AdapterStatus.UNHEALTHY.toHealthStatus());
        assertEquals(HealthStatus.FAILED, AdapterStatus.FAILED.toHealthStatus());
        assertEquals(HealthStatus.DEGRADED, AdapterStatus.UNSUPPORTED_PROTOCOL.toHealthStatus());
        assertEquals(HealthStatus.FAILED, AdapterStatus.CONFIG_ERROR.toHealthStatus());
    }

    @Test
    void healthSerialisesSnakeCaseWithMillisecondTime() {
        AdapterHealth h = new AdapterHealth("adapter_modbus_001", AdapterStatus.DEGRADED,
                "timeout after 3 retries", NOW, 10, 2, 40);
        assertEquals("{\"adapter_id\":\"adapter_modbus_001\",\"status\":\"DEGRADED\","
                + "\"reason\":\"timeout after 3 retries\",\"last_reading_at\":\"2026-01-29T10:00:00.456Z\","
                + "\"reads\":10,\"errors\":2,\"measurements\":40}", ArcnodeJson.write(h));
        assertEquals("DEGRADED: timeout after 3 retries", h.toComponentHealth(false).detail());
        assertEquals(HealthStatus.DEGRADED, h.toComponentHealth(false).status());
    }

    @Test
    void inertAdaptersReportTheirStatus() {
        Adapter a = Adapters.unsupported("adapter_dnp3_001", ProtocolKind.fromJson("dnp3_tcp"));
        a.start();
        a.stop();
        assertEquals(AdapterStatus.UNSUPPORTED_PROTOCOL, a.health().status());
        assertEquals("protocol dnp3_tcp is not supported by this gateway", a.health().reason());
        Adapter c = Adapters.configError("adapter_modbus_002", "unit_id: must be 0..255");
        assertEquals(AdapterStatus.CONFIG_ERROR, c.health().status());
        assertEquals("CONFIG_ERROR: unit_id: must be 0..255", c.health().toComponentHealth(true).detail());
    }

    @Test
    void sinkIsAFunctionalInterface() {
        List<Measurement> got = new ArrayList<>();
        MeasurementSink sink = got::add;
        sink.accept(normalizer.measurement(TARGET, 2, Quality.GOOD, null));
        assertEquals(1, got.size());
    }

    @Test
    void requiredFieldsAreChecked() {
        assertThrows(NullPointerException.class, () -> new PointTarget(null, "p", "u", Classification.EVENT));
        assertThrows(NullPointerException.class, () -> AdapterHealth.of("a", null, null));
    }
}
