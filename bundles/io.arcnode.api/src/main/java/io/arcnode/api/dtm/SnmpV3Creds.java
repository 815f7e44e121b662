package io.arcnode.api.dtm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** SNMPv3 credentials: {@code auth_proto} e.g. SHA256, SHA512; {@code priv_proto} e.g. AES128, AES256 (free strings in the contract). */
@JsonPropertyOrder({"user", "auth_proto", "priv_proto"})
public record SnmpV3Creds(
        @JsonProperty("user") String user,
        @JsonProperty("auth_proto") String authProto,
        @JsonProperty("priv_proto") String privProto) {
}
