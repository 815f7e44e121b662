package io.arcnode.api.dtm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** DNP3/TCP configuration ({@code protocol = dnp3_tcp}). Lists are copied and unmodifiable. */
@JsonPropertyOrder({"master_addr", "outstation_addr", "point_maps"})
public record Dnp3TcpConfig(
        @JsonProperty("master_addr") int masterAddr,
        @JsonProperty("outstation_addr") int outstationAddr,
        @JsonProperty("point_maps") List<PointMap> pointMaps) implements ProtocolConfig {

    /** Copies the list. */
    public Dnp3TcpConfig {
        pointMaps = pointMaps == null ? null : List.copyOf(pointMaps);
    }

    /** @return {@link ProtocolKind#DNP3_TCP} */
    @Override
    public ProtocolKind protocol() {
        return ProtocolKind.DNP3_TCP;
    }
}
