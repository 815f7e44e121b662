package io.arcnode.api.dtm;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One container instance in a DTM; {@code module_id} is the key devices refer to. (Note: the simple name shadows {@code java.lang.Module}; import it explicitly.) */
@JsonPropertyOrder({"module_id", "module_type", "container_position", "description"})
public record Module(
        @JsonProperty("module_id") String moduleId,
        @JsonProperty("module_type") String moduleType,
        @JsonProperty("container_position") String containerPosition,
        @JsonProperty("description") String description) {
}
