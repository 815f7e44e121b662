package io.arcnode.api.dtm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A Redfish resource map entry, {@code uri} e.g. {@code /redfish/v1/Chassis/1/Thermal}. */
@JsonPropertyOrder({"name", "uri"})
public record RedfishResourceMap(
        @JsonProperty("name") String name,
        @JsonProperty("uri") String uri) {
}
