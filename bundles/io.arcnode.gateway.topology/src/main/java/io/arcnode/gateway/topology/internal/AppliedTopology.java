package io.arcnode.gateway.topology.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.dtm.Dtm;
import io.arcnode.api.dtm.Dtms;
import java.util.Objects;

/**
 * The DTM the gateway runs with, as applied by {@code POST /topology}: the envelope
 * {@code {dtm_version, applied_at, dtm}} that {@code GET /topology} answers and {@code topology/dtm.json} holds.
 * The DTM itself has no version field (spec 002 rejects unknown fields), so the version lives beside it.
 *
 * @param dtmVersion 1 for the first applied DTM, incremented by every apply
 * @param appliedAt  gateway time of the apply, ISO-8601 UTC
 * @param dtm        the DTM with the {@code ems_mode} the gateway decided
 */
public record AppliedTopology(long dtmVersion, String appliedAt, Dtm dtm) {

    /** Requires a positive version, a time and a DTM. */
    public AppliedTopology {
        if (dtmVersion < 1) {
            throw new IllegalArgumentException("dtm_version must be at least 1, got " + dtmVersion);
        }
        Objects.requireNonNull(appliedAt, "appliedAt");
        Objects.requireNonNull(dtm, "dtm");
    }

    /** @return the envelope as JSON: {@code {dtm_version, applied_at, dtm}} */
    public ObjectNode toJson() {
        ObjectNode o = ArcnodeJson.mapper().createObjectNode();
        o.put("dtm_version", dtmVersion);
        o.put("applied_at", appliedAt);
        o.set("dtm", ArcnodeJson.mapper().valueToTree(dtm));
        return o;
    }

    /**
     * @throws IllegalArgumentException when a field is missing or of the wrong type
     * @throws io.arcnode.api.ValidationException when the DTM breaks a rule
     */
    public static AppliedTopology fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("the topology file must hold a JSON object");
        }
        JsonNode version = json.get("dtm_version");
        JsonNode at = json.get("applied_at");
        JsonNode dtm = json.get("dtm");
        if (version == null || !version.canConvertToLong() || !version.isIntegralNumber()) {
            throw new IllegalArgumentException("dtm_version must be an integer");
        }
        if (at == null || !at.isTextual()) {
            throw new IllegalArgumentException("applied_at must be a string");
        }
        if (dtm == null) {
            throw new IllegalArgumentException("dtm is required");
        }
        return new AppliedTopology(version.longValue(), at.textValue(), Dtms.parse(dtm));
    }
}
