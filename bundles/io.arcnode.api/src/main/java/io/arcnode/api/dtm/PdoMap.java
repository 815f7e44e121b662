package io.arcnode.api.dtm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A CANopen PDO map entry. */
@JsonPropertyOrder({"name", "cob_id", "byte_offset", "byte_length"})
public record PdoMap(
        @JsonProperty("name") String name,
        @JsonProperty("cob_id") int cobId,
        @JsonProperty("byte_offset") int byteOffset,
        @JsonProperty("byte_length") int byteLength) {
}
