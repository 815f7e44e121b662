package io.arcnode.api.dtm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** SNMPv3 configuration ({@code protocol = snmp}). Lists are copied and unmodifiable. */
@JsonPropertyOrder({"creds", "oid_maps"})
public record SnmpConfig(
        @JsonProperty("creds") SnmpV3Creds creds,
        @JsonProperty("oid_maps") List<OidMap> oidMaps) implements ProtocolConfig {

    /** Copies the list. */
    public SnmpConfig {
        oidMaps = oidMaps == null ? null : List.copyOf(oidMaps);
    }

    /** @return {@link ProtocolKind#SNMP} */
    @Override
    public ProtocolKind protocol() {
        return ProtocolKind.SNMP;
    }
}
