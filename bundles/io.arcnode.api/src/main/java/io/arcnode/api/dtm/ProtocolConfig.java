package io.arcnode.api.dtm;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Protocol configuration of a {@link Device}: a discriminated union on the JSON field
 * {@code protocol} (values of {@link ProtocolKind}). The discriminator is not a record component; each
 * record reports it through {@link #protocol()} and Jackson writes it as the first JSON property.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "protocol")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ModbusTcpConfig.class, name = "modbus_tcp"),
        @JsonSubTypes.Type(value = Dnp3TcpConfig.class, name = "dnp3_tcp"),
        @JsonSubTypes.Type(value = SnmpConfig.class, name = "snmp"),
        @JsonSubTypes.Type(value = CanopenGwConfig.class, name = "canopen_gw"),
        @JsonSubTypes.Type(value = RedfishConfig.class, name = "redfish")})
public sealed interface ProtocolConfig
        permits ModbusTcpConfig, Dnp3TcpConfig, SnmpConfig, CanopenGwConfig, RedfishConfig {

    /** @return the discriminator value of this configuration */
    ProtocolKind protocol();
}
