package io.arcnode.api.telemetry;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One normalised stream message published by an adapter (spec 004 "Output: Stream Messages").
 * Parse with {@link Measurements#parse(String)}; Jackson deserialisation goes through the same
 * validation.
 *
 * @param assetId        asset the value belongs to (also the Kafka record key)
 * @param parameter      measured parameter, e.g. {@code temperature}
 * @param value          the value
 * @param unit           unit, e.g. {@code celsius}
 * @param quality        quality code
 * @param classification telemetry, event or alarm
 * @param timestamps     device and gateway time
 * @param metadata       free string metadata (adapter id, version...); copied into a key-sorted,
 *                       unmodifiable map so output is deterministic; {@code null} becomes empty
 */
@JsonPropertyOrder({"asset_id", "parameter", "value", "unit", "quality", "classification", "timestamps", "metadata"})
@JsonDeserialize(using = Measurements.Deserializer.class)
public record Measurement(
        @JsonProperty("asset_id") String assetId,
        @JsonProperty("parameter") String parameter,
        @JsonProperty("value") double value,
        @JsonProperty("unit") String unit,
        @JsonProperty("quality") Quality quality,
        @JsonProperty("classification") Classification classification,
        @JsonProperty("timestamps") Timestamps timestamps,
        @JsonProperty("metadata") Map<String, String> metadata) {

    /** Sorts and copies the metadata. */
    public Measurement {
        metadata = metadata == null ? Collections.emptyMap() : Collections.unmodifiableMap(new TreeMap<>(metadata));
    }
}
