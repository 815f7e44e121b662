package io.arcnode.api.adapter;

import io.arcnode.api.telemetry.Classification;
import java.util.Map;
import java.util.Objects;

/**
 * One adapter of the gateway configuration (spec 004, "Adapter Contract"): an entry of the {@code adapters} list
 * of the file named by {@code gateway.adapters_file}, as opposed to a device of the DTM. The keys every entry has
 * are fields; the protocol's own keys (connection, repeatable point / subscription / monitored-item mappings) are
 * in {@link #settings}, exactly as read from the file (YAML or JSON: maps, lists, strings, numbers, booleans).
 *
 * @param adapterId      unique id, e.g. {@code adapter_opcua_001}; also the health component name
 * @param adapterType    spec 004 type: {@code modbus_tcp}, {@code modbus_rtu}, {@code opcua}, {@code mqtt}
 * @param assetId        asset of points that do not name their own
 * @param classification classification of points that do not configure their own
 * @param settings       the entry's other keys, unmodifiable
 * @param origin         where the entry was read, for messages: {@code /etc/arcnode/adapters.yml: adapters[2]}
 */
public record AdapterConfig(String adapterId, String adapterType, String assetId, Classification classification,
        Map<String, Object> settings, String origin) {

    /** Requires every field; copies the settings. */
    public AdapterConfig {
        Objects.requireNonNull(adapterId, "adapterId");
        Objects.requireNonNull(adapterType, "adapterType");
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(origin, "origin");
        settings = Map.copyOf(Objects.requireNonNull(settings, "settings"));
    }
}
