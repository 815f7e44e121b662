package io.arcnode.api.dtm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** CANopen-over-gateway configuration ({@code protocol = canopen_gw}). Lists are copied and unmodifiable. */
@JsonPropertyOrder({"gateway_vendor", "node_id", "pdo_maps"})
public record CanopenGwConfig(
        @JsonProperty("gateway_vendor") String gatewayVendor,
        @JsonProperty("node_id") int nodeId,
        @JsonProperty("pdo_maps") List<PdoMap> pdoMaps) implements ProtocolConfig {

    /** Copies the list. */
    public CanopenGwConfig {
        pdoMaps = pdoMaps == null ? null : List.copyOf(pdoMaps);
    }

    /** @return {@link ProtocolKind#CANOPEN_GW} */
    @Override
    public ProtocolKind protocol() {
        return ProtocolKind.CANOPEN_GW;
    }
}
