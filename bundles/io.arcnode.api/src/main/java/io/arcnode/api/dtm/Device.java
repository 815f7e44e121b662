package io.arcnode.api.dtm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One polled device. {@code module_id} must name a {@link Module} of the same {@link Dtm}; {@code host}/{@code port} come from the assembly topology in SIM mode and are rewritten by ems-device-api in LIVE mode. */
@JsonPropertyOrder({"device_uuid", "device_type", "module_id", "host", "port", "protocol_config", "description"})
public record Device(
        @JsonProperty("device_uuid") java.util.UUID deviceUuid,
        @JsonProperty("device_type") String deviceType,
        @JsonProperty("module_id") String moduleId,
        @JsonProperty("host") String host,
        @JsonProperty("port") int port,
        @JsonProperty("protocol_config") ProtocolConfig protocolConfig,
        @JsonProperty("description") String description) {
}
