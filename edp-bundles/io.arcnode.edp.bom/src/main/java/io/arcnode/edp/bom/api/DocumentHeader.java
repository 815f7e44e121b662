package io.arcnode.edp.bom.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.arcnode.api.edp.DeploymentProfile;
import io.arcnode.api.edp.SourcingTier;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What the BOM and the cable and hose schedule say about themselves: the deployment, its profile and sourcing tier,
 * which generator and catalogue revision made them, and document notes. No timestamp: the documents are pure
 * functions of their inputs.
 *
 * @param deploymentId       the deployment
 * @param operatorOrg        from the payload
 * @param deploymentSiteName from the payload
 * @param deploymentProfile  from the resolution
 * @param sourcingTier       from the resolution
 * @param generator          the bundle that made the document, {@code io.arcnode.edp.bom}
 * @param generatorRevision  revision of the rules, {@link BomGenerator#GENERATOR_REVISION}
 * @param catalogueRevision  revision of the module assemblies catalogue
 * @param notes              document-level notes (CATL flag first where it applies)
 */
@JsonPropertyOrder({"deployment_id", "operator_org", "deployment_site_name", "deployment_profile", "sourcing_tier",
        "generator", "generator_revision", "catalogue_revision", "notes"})
public record DocumentHeader(
        @JsonProperty("deployment_id") UUID deploymentId,
        @JsonProperty("operator_org") String operatorOrg,
        @JsonProperty("deployment_site_name") String deploymentSiteName,
        @JsonProperty("deployment_profile") DeploymentProfile deploymentProfile,
        @JsonProperty("sourcing_tier") SourcingTier sourcingTier,
        @JsonProperty("generator") String generator,
        @JsonProperty("generator_revision") String generatorRevision,
        @JsonProperty("catalogue_revision") String catalogueRevision,
        @JsonProperty("notes") List<String> notes) {

    /** Rejects nulls and copies the notes. */
    public DocumentHeader {
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(operatorOrg, "operatorOrg");
        Objects.requireNonNull(deploymentSiteName, "deploymentSiteName");
        Objects.requireNonNull(deploymentProfile, "deploymentProfile");
        Objects.requireNonNull(sourcingTier, "sourcingTier");
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(generatorRevision, "generatorRevision");
        Objects.requireNonNull(catalogueRevision, "catalogueRevision");
        notes = List.copyOf(notes);
    }
}
