package io.arcnode.gateway.topology.internal;

import static io.arcnode.gateway.topology.internal.TestDtms.MODBUS;
import static io.arcnode.gateway.topology.internal.TestDtms.device;
import static io.arcnode.gateway.topology.internal.TestDtms.dtm;
import static io.arcnode.gateway.topology.internal.TestDtms.uuid;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.arcnode.api.dtm.ProtocolKind;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AdapterMetricsTest {

    @Test
    void countersPerAdapterAndDevicesWithoutConnectionAreScrapedAndUnregistered() {
        RecordingFactory modbus = new RecordingFactory(ProtocolKind.MODBUS_TCP);
        AdapterManager manager = new AdapterManager(TestDtms.REFUSING, Clock.systemUTC());
        manager.addFactory(modbus);
        manager.reconcile(dtm("sim", device(1, "10.0.0.1", 502, MODBUS), device(2, "", 502, MODBUS)));
        modbus.last().emit("soc", 1.0);
        modbus.last().emit("soc", 2.0);
        PrometheusRegistry registry = new PrometheusRegistry();
        AdapterMetrics metrics = AdapterMetrics.register(registry, manager);

        Map<String, String> got = scrape(registry);
        String id = "adapter_modbus_tcp_" + uuid(1);
        assertEquals(Map.of("arcnode_adapter_measurements{adapter_id=" + id + "}", "2.0",
                "arcnode_adapter_measurements_published{adapter_id=" + id + "}", "0.0",
                "arcnode_adapter_measurements_gaps{adapter_id=" + id + "}", "2.0",
                "arcnode_devices_without_connection{}", "1.0"), got);

        metrics.unregister();
        assertEquals(Map.of(), scrape(registry));
    }

    private static Map<String, String> scrape(PrometheusRegistry registry) {
        Map<String, String> out = new TreeMap<>();
        for (MetricSnapshot s : registry.scrape()) {
            for (DataPointSnapshot d : s.getDataPoints()) {
                String labels = d.getLabels().stream().map(l -> l.getName() + "=" + l.getValue())
                        .reduce((a, b) -> a + "," + b).orElse("");
                double value = d instanceof CounterDataPointSnapshot c ? c.getValue()
                        : ((GaugeDataPointSnapshot) d).getValue();
                out.put(s.getMetadata().getName() + "{" + labels + "}", String.valueOf(value));
            }
        }
        return out;
    }
}
