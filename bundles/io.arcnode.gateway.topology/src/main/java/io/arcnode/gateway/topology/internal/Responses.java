package io.arcnode.gateway.topology.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.telemetry.Measurement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The JSON bodies of {@code /topology} and {@code /measurements}, built from plain values so they can be tested. */
final class Responses {

    private Responses() {
    }

    /** @return the topology envelope plus {@code reconciliation: {started, restarted, stopped, unchanged, not_connected}} */
    static ObjectNode applied(TopologyService.Applied applied) {
        ObjectNode o = applied.topology().toJson();
        AdapterManager.Reconciliation r = applied.reconciliation();
        ObjectNode rec = o.putObject("reconciliation");
        uuids(rec.putArray("started"), r.started());
        uuids(rec.putArray("restarted"), r.restarted());
        uuids(rec.putArray("stopped"), r.stopped());
        uuids(rec.putArray("unchanged"), r.unchanged());
        uuids(rec.putArray("not_connected"), r.notConnected());
        return o;
    }

    /**
     * @return {@code {received, published, gaps, devices_without_connection, published_by_topic: {topic: n},
     *         adapters: [{adapter_id, source (dtm | gateway_config), device_uuid (null for gateway_config), protocol
     *         (or adapter type), status, reason, received, published, gaps}], last_values: {"asset/parameter":
     *         measurement}}}
     */
    static ObjectNode measurements(List<AdapterManager.AdapterView> adapters, int notConnected,
            Map<String, Long> publishedByTopic, Map<String, Measurement> lastValues) {
        ObjectNode o = ArcnodeJson.mapper().createObjectNode();
        long received = 0;
        long published = 0;
        long gaps = 0;
        ArrayNode list = ArcnodeJson.mapper().createArrayNode();
        for (AdapterManager.AdapterView a : adapters) {
            received += a.received();
            published += a.published();
            gaps += a.gaps();
            ObjectNode item = list.addObject();
            item.put("adapter_id", a.health().adapterId());
            item.put("source", a.source().json());
            item.put("device_uuid", a.deviceUuid() == null ? null : a.deviceUuid().toString());
            item.put("protocol", a.protocol());
            item.put("status", a.health().status().name());
            item.put("reason", a.health().reason());
            item.put("received", a.received());
            item.put("published", a.published());
            item.put("gaps", a.gaps());
        }
        o.put("received", received);
        o.put("published", published);
        o.put("gaps", gaps);
        o.put("devices_without_connection", notConnected);
        ObjectNode topics = o.putObject("published_by_topic");
        publishedByTopic.forEach(topics::put);
        o.set("adapters", list);
        ObjectNode last = o.putObject("last_values");
        lastValues.forEach((k, m) -> last.set(k, ArcnodeJson.mapper().valueToTree(m)));
        return o;
    }

    private static void uuids(ArrayNode array, List<UUID> ids) {
        ids.forEach(id -> array.add(id.toString()));
    }
}
