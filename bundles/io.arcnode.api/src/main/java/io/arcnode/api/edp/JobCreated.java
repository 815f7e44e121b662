package io.arcnode.api.edp;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.UUID;

/**
 * The {@code 202} answer to {@code POST /edp-api/jobs} (spec 002 {@code JobCreated}); the artifact URLs
 * are deterministic and known at POST time. The list is copied and unmodifiable.
 */
@JsonPropertyOrder({"job_id", "status_url", "edp_artifact_urls"})
@JsonDeserialize(using = EdpMessages.JobCreatedDeserializer.class)
public record JobCreated(
        @JsonProperty("job_id") UUID jobId,
        @JsonProperty("status_url") String statusUrl,
        @JsonProperty("edp_artifact_urls") List<ArtifactRef> edpArtifactUrls) {

    /** Copies the artifact list. */
    public JobCreated {
        edpArtifactUrls = edpArtifactUrls == null ? null : List.copyOf(edpArtifactUrls);
    }
}
