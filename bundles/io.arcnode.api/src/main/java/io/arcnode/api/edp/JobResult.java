package io.arcnode.api.edp;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;

/**
 * Answer to {@code GET /edp-api/jobs/{job_id}} (spec 002 {@code JobResult}).
 *
 * @param status          job status
 * @param edpArtifactUrls artifact references (copied, unmodifiable)
 * @param error           set when {@code status = failed}; otherwise {@code null} (nullable, may be absent on input)
 */
@JsonPropertyOrder({"status", "edp_artifact_urls", "error"})
@JsonDeserialize(using = EdpMessages.JobResultDeserializer.class)
public record JobResult(
        @JsonProperty("status") JobStatus status,
        @JsonProperty("edp_artifact_urls") List<ArtifactRef> edpArtifactUrls,
        @JsonProperty("error") String error) {

    /** Copies the artifact list. */
    public JobResult {
        edpArtifactUrls = edpArtifactUrls == null ? null : List.copyOf(edpArtifactUrls);
    }
}
