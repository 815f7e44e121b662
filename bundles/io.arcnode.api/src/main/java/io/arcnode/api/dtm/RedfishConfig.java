package io.arcnode.api.dtm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** Redfish configuration ({@code protocol = redfish}); {@code password_secret_ref} is a reference into the vault, never an inline password; {@code service_root} defaults to {@value #DEFAULT_SERVICE_ROOT} when absent or null in code. Lists are copied and unmodifiable. */
@JsonPropertyOrder({"username", "password_secret_ref", "service_root", "resource_maps"})
public record RedfishConfig(
        @JsonProperty("username") String username,
        @JsonProperty("password_secret_ref") String passwordSecretRef,
        @JsonProperty("service_root") String serviceRoot,
        @JsonProperty("resource_maps") List<RedfishResourceMap> resourceMaps) implements ProtocolConfig {

    /** Default Redfish service root (spec 002). */
    public static final String DEFAULT_SERVICE_ROOT = "/redfish/v1";

    /** Applies the {@code service_root} default and copies the list. */
    public RedfishConfig {
        serviceRoot = serviceRoot == null ? DEFAULT_SERVICE_ROOT : serviceRoot;
        resourceMaps = resourceMaps == null ? null : List.copyOf(resourceMaps);
    }

    /** @return {@link ProtocolKind#REDFISH} */
    @Override
    public ProtocolKind protocol() {
        return ProtocolKind.REDFISH;
    }
}
