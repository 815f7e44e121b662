package io.arcnode.api.edp;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.FieldReader;
import io.arcnode.api.ValidatingDeserializer;
import io.arcnode.api.ValidationException;
import io.arcnode.api.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Validating parser for {@link ConfiguratorPayload}.
 *
 * <p>Field rules: every field required (JSON null counts as missing); {@code deployment_id} a UUID;
 * {@code operator_org}, {@code deployment_site_name} non-blank ({@code min_length=1});
 * {@code contact_email} an e-mail address; enums strict; {@code source_capacity_mw > 0},
 * {@code target_gpu_count >= 1} (integer), {@code bess_capacity_mwh >= 0}; floats finite; unknown
 * fields rejected. Model rules (run only when the fields they use are individually valid; reported
 * with an empty field path): {@value #BESS_CONSISTENCY}, {@value #STANDARD_PARTITION_COMMERCIAL_ONLY},
 * {@value #DOD_EXCLUDES_DC_INTEGRATED_PCS}.
 */
public final class ConfiguratorPayloads {

    /** Rule id of the BESS consistency model rule. */
    public static final String BESS_CONSISTENCY = "bess_consistency";
    /** Rule id of the standard-partition model rule. */
    public static final String STANDARD_PARTITION_COMMERCIAL_ONLY = "standard_partition_commercial_only";
    /** Rule id of the CATL exclusion model rule. */
    public static final String DOD_EXCLUDES_DC_INTEGRATED_PCS = "dod_excludes_dc_integrated_pcs";

    /** Spec message of {@link #BESS_CONSISTENCY}. */
    public static final String BESS_CONSISTENCY_MESSAGE = "bess_coupling=NONE iff bess_capacity_mwh=0";
    /** Spec message of {@link #STANDARD_PARTITION_COMMERCIAL_ONLY}. */
    public static final String STANDARD_PARTITION_COMMERCIAL_ONLY_MESSAGE =
            "aws_partition=standard only valid for deployment_context=commercial";
    /** Spec message of {@link #DOD_EXCLUDES_DC_INTEGRATED_PCS}. */
    public static final String DOD_EXCLUDES_DC_INTEGRATED_PCS_MESSAGE =
            "defense_forward + dc_integrated_pcs is not procurable (CATL exclusion)";

    private ConfiguratorPayloads() {
    }

    /**
     * Parses and validates a JSON text.
     *
     * @throws ValidationException listing every violation (rule {@code json} for malformed text)
     */
    public static ConfiguratorPayload parse(String json) {
        return parse(ArcnodeJson.readTree(json));
    }

    /**
     * Validates a JSON tree and binds it.
     *
     * @throws ValidationException listing every violation
     */
    public static ConfiguratorPayload parse(JsonNode json) {
        List<Violation> violations = new ArrayList<>();
        FieldReader r = FieldReader.of(json, "", "ConfiguratorPayload", violations);
        if (r == null) {
            throw new ValidationException(violations);
        }
        ConfiguratorPayload p = read(r);
        r.finish();
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return p;
    }

    private static ConfiguratorPayload read(FieldReader r) {
        ConfiguratorPayload p = new ConfiguratorPayload(
                r.uuid("deployment_id"),
                r.nonEmptyString("operator_org"),
                r.nonEmptyString("deployment_site_name"),
                r.email("contact_email"),
                r.enumValue("energy_source", EnergySource.class),
                r.number("source_capacity_mw"),
                r.enumValue("primary_workload", PrimaryWorkload.class),
                r.enumValue("gpu_variant", GpuVariant.class),
                r.integer("target_gpu_count"),
                r.enumValue("bess_coupling", BessCoupling.class),
                r.number("bess_capacity_mwh"),
                r.enumValue("grid_connection", GridConnection.class),
                r.enumValue("climate_zone", ClimateZone.class),
                r.enumValue("deployment_context", DeploymentContext.class),
                r.enumValue("aws_partition", AwsPartition.class));
        if (r.valid("source_capacity_mw")) {
            r.greaterThan("source_capacity_mw", p.sourceCapacityMw(), 0);
        }
        if (r.valid("target_gpu_count")) {
            r.atLeast("target_gpu_count", p.targetGpuCount(), 1, true);
        }
        if (r.valid("bess_capacity_mwh")) {
            r.atLeast("bess_capacity_mwh", p.bessCapacityMwh(), 0, false);
        }
        if (r.valid("bess_coupling", "bess_capacity_mwh")) {
            bessConsistency(p, r.sink());
        }
        if (r.valid("aws_partition", "deployment_context")) {
            standardPartitionCommercialOnly(p, r.sink());
        }
        if (r.valid("deployment_context", "bess_coupling")) {
            dodExcludesDcIntegratedPcs(p, r.sink());
        }
        return p;
    }

    /**
     * Checks the three model rules of spec 002 on an already-built payload. Rules whose inputs are
     * {@code null} are skipped.
     *
     * @return the violated model rules (empty when consistent), each with an empty field path and the
     *         spec's exact message
     */
    public static List<Violation> validate(ConfiguratorPayload payload) {
        Objects.requireNonNull(payload, "payload");
        List<Violation> out = new ArrayList<>();
        if (payload.bessCoupling() != null) {
            bessConsistency(payload, out);
        }
        if (payload.awsPartition() != null && payload.deploymentContext() != null) {
            standardPartitionCommercialOnly(payload, out);
        }
        if (payload.deploymentContext() != null && payload.bessCoupling() != null) {
            dodExcludesDcIntegratedPcs(payload, out);
        }
        return List.copyOf(out);
    }

    private static void bessConsistency(ConfiguratorPayload p, List<Violation> out) {
        if ((p.bessCoupling() == BessCoupling.NONE) != (p.bessCapacityMwh() == 0)) {
            out.add(new Violation("", BESS_CONSISTENCY, BESS_CONSISTENCY_MESSAGE));
        }
    }

    private static void standardPartitionCommercialOnly(ConfiguratorPayload p, List<Violation> out) {
        if (p.awsPartition() == AwsPartition.STANDARD && p.deploymentContext() != DeploymentContext.COMMERCIAL) {
            out.add(new Violation("", STANDARD_PARTITION_COMMERCIAL_ONLY, STANDARD_PARTITION_COMMERCIAL_ONLY_MESSAGE));
        }
    }

    private static void dodExcludesDcIntegratedPcs(ConfiguratorPayload p, List<Violation> out) {
        if (p.deploymentContext() == DeploymentContext.DEFENSE_FORWARD
                && p.bessCoupling() == BessCoupling.DC_INTEGRATED_PCS) {
            out.add(new Violation("", DOD_EXCLUDES_DC_INTEGRATED_PCS, DOD_EXCLUDES_DC_INTEGRATED_PCS_MESSAGE));
        }
    }

    /** Jackson deserialiser routing {@link ConfiguratorPayload} through {@link #parse(JsonNode)}. */
    public static final class Deserializer extends ValidatingDeserializer<ConfiguratorPayload> {
        private static final long serialVersionUID = 1L;

        /** Used by Jackson. */
        public Deserializer() {
            super(ConfiguratorPayload.class, ConfiguratorPayloads::parse);
        }
    }
}
