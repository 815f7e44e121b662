package io.arcnode.api.dtm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** Modbus/TCP configuration ({@code protocol = modbus_tcp}). Lists are copied and unmodifiable. */
@JsonPropertyOrder({"unit_id", "point_maps"})
public record ModbusTcpConfig(
        @JsonProperty("unit_id") int unitId,
        @JsonProperty("point_maps") List<PointMap> pointMaps) implements ProtocolConfig {

    /** Copies the list. */
    public ModbusTcpConfig {
        pointMaps = pointMaps == null ? null : List.copyOf(pointMaps);
    }

    /** @return {@link ProtocolKind#MODBUS_TCP} */
    @Override
    public ProtocolKind protocol() {
        return ProtocolKind.MODBUS_TCP;
    }
}
