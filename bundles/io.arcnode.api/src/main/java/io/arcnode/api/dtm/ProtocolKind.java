package io.arcnode.api.dtm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.arcnode.api.JsonEnum;

/**
 * Field-bus protocol of a device; the discriminator of {@link ProtocolConfig}.
 * JSON values: {@code modbus_tcp}, {@code dnp3_tcp}, {@code snmp}, {@code canopen_gw}, {@code redfish}.
 */
public enum ProtocolKind implements JsonEnum {
    MODBUS_TCP("modbus_tcp"),
    DNP3_TCP("dnp3_tcp"),
    SNMP("snmp"),
    CANOPEN_GW("canopen_gw"),
    REDFISH("redfish");

    private final String json;

    ProtocolKind(String json) {
        this.json = json;
    }

    /** @return the exact JSON value of this constant */
    @JsonValue
    @Override
    public String json() {
        return json;
    }

    /**
     * Strict lookup by JSON value.
     *
     * @throws IllegalArgumentException if {@code value} is not one of the JSON values
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ProtocolKind fromJson(String value) {
        return JsonEnum.fromJson(ProtocolKind.class, value);
    }
}
