package io.arcnode.api.dtm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** An SNMP OID map entry. */
@JsonPropertyOrder({"name", "oid"})
public record OidMap(
        @JsonProperty("name") String name,
        @JsonProperty("oid") String oid) {
}
