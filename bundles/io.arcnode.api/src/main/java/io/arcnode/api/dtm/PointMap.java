package io.arcnode.api.dtm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A Modbus/DNP3 point map: {@code function_code} is the Modbus function code (3 = holding registers, 4 = input registers, ...). */
@JsonPropertyOrder({"name", "function_code", "start_address", "count"})
public record PointMap(
        @JsonProperty("name") String name,
        @JsonProperty("function_code") int functionCode,
        @JsonProperty("start_address") int startAddress,
        @JsonProperty("count") int count) {
}
