package io.arcnode.edp.jobs.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.edp.ArtifactRef;
import io.arcnode.api.edp.EdpMessages;
import io.arcnode.api.edp.JobResult;
import io.arcnode.api.edp.JobStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One EDP job as kept in the job store: the answer of {@code GET /edp-api/jobs/{id}} plus what a restart needs to run
 * it again (the validated payload) and when it was submitted and finished (ISO-8601 UTC, for operators; never part of
 * an artifact).
 */
public record JobRecord(UUID jobId, UUID deploymentId, JobStatus status, List<ArtifactRef> artifacts, String error,
        JsonNode payload, String submittedAt, String finishedAt) {

    public JobRecord {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(payload, "payload");
        artifacts = List.copyOf(artifacts);
    }

    public JobRecord complete(String at) {
        return new JobRecord(jobId, deploymentId, JobStatus.COMPLETE, artifacts, null, payload, submittedAt, at);
    }

    public JobRecord failed(String reason, String at) {
        return new JobRecord(jobId, deploymentId, JobStatus.FAILED, artifacts, reason, payload, submittedAt, at);
    }

    /** @return spec 002's {@code JobResult} */
    public JobResult result() {
        return new JobResult(status, artifacts, error);
    }

    public ObjectNode toJson() {
        ObjectNode n = ArcnodeJson.mapper().createObjectNode();
        n.put("job_id", jobId.toString());
        n.put("deployment_id", deploymentId.toString());
        n.put("status", status.json());
        n.set("edp_artifact_urls", ArcnodeJson.mapper().valueToTree(artifacts));
        n.put("error", error);
        n.put("submitted_at", submittedAt);
        n.put("finished_at", finishedAt);
        n.set("payload", payload);
        return n;
    }

    /**
     * @throws IllegalArgumentException when the document is not a job record
     */
    public static JobRecord fromJson(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        List<ArtifactRef> refs = new ArrayList<>();
        JsonNode urls = n.path("edp_artifact_urls");
        if (!(urls instanceof ArrayNode)) {
            throw new IllegalArgumentException("edp_artifact_urls: not a list");
        }
        for (JsonNode u : urls) {
            refs.add(EdpMessages.parseArtifactRef(u));
        }
        return new JobRecord(UUID.fromString(text(n, "job_id")), UUID.fromString(text(n, "deployment_id")),
                JobStatus.fromJson(text(n, "status")), refs, n.path("error").isTextual() ? n.get("error").asText()
                : null, n.get("payload"), n.path("submitted_at").asText(null), n.path("finished_at").isTextual()
                ? n.get("finished_at").asText() : null);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(field + ": missing or not a string");
        }
        return v.asText();
    }
}
