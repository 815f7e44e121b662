package io.arcnode.api.edp;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * Reference to one EDP artifact file (spec 002 {@code ArtifactRef}).
 *
 * @param kind    artifact kind
 * @param format  file format: {@code json | xlsx | dxf | pdf | step | glb} (free string in the contract)
 * @param url     artifact URL, e.g. {@code s3://arcnode-artifacts/edp/{deployment_id}/bom.json}
 * @param plateId plate id, only when {@code kind = interface_plate}; otherwise {@code null}
 *                (written as JSON {@code null}, may be absent on input)
 */
@JsonPropertyOrder({"kind", "format", "url", "plate_id"})
@JsonDeserialize(using = EdpMessages.ArtifactRefDeserializer.class)
public record ArtifactRef(
        @JsonProperty("kind") ArtifactKind kind,
        @JsonProperty("format") String format,
        @JsonProperty("url") String url,
        @JsonProperty("plate_id") String plateId) {
}
