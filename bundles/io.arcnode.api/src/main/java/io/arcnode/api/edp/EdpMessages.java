package io.arcnode.api.edp;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.FieldReader;
import io.arcnode.api.ValidatingDeserializer;
import io.arcnode.api.ValidationException;
import io.arcnode.api.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Validating parsers for the other EDP messages: {@link ModuleResolution}, {@link ArtifactRef},
 * {@link JobCreated} and {@link JobResult}. Same conventions as {@link ConfiguratorPayloads}: all
 * fields required except the nullable {@code plate_id} and {@code error}; unknown fields rejected;
 * {@code compute_container_count >= 1}. Every violation is reported at once.
 */
public final class EdpMessages {

    private EdpMessages() {
    }

    /** @throws ValidationException listing every violation */
    public static ModuleResolution parseModuleResolution(String json) {
        return parseModuleResolution(ArcnodeJson.readTree(json));
    }

    /** @throws ValidationException listing every violation */
    public static ModuleResolution parseModuleResolution(JsonNode json) {
        return parseRoot(json, "ModuleResolution", EdpMessages::moduleResolution);
    }

    /** @throws ValidationException listing every violation */
    public static ArtifactRef parseArtifactRef(String json) {
        return parseArtifactRef(ArcnodeJson.readTree(json));
    }

    /** @throws ValidationException listing every violation */
    public static ArtifactRef parseArtifactRef(JsonNode json) {
        return parseRoot(json, "ArtifactRef", EdpMessages::artifactRef);
    }

    /** @throws ValidationException listing every violation */
    public static JobCreated parseJobCreated(String json) {
        return parseJobCreated(ArcnodeJson.readTree(json));
    }

    /** @throws ValidationException listing every violation */
    public static JobCreated parseJobCreated(JsonNode json) {
        return parseRoot(json, "JobCreated", r -> new JobCreated(
                r.uuid("job_id"),
                r.string("status_url"),
                r.objectList("edp_artifact_urls", "ArtifactRef", EdpMessages::artifactRef)));
    }

    /** @throws ValidationException listing every violation */
    public static JobResult parseJobResult(String json) {
        return parseJobResult(ArcnodeJson.readTree(json));
    }

    /** @throws ValidationException listing every violation */
    public static JobResult parseJobResult(JsonNode json) {
        return parseRoot(json, "JobResult", r -> new JobResult(
                r.enumValue("status", JobStatus.class),
                r.objectList("edp_artifact_urls", "ArtifactRef", EdpMessages::artifactRef),
                r.nullableString("error")));
    }

    private static <T> T parseRoot(JsonNode json, String typeName, Function<FieldReader, T> reader) {
        List<Violation> violations = new ArrayList<>();
        FieldReader r = FieldReader.of(json, "", typeName, violations);
        if (r == null) {
            throw new ValidationException(violations);
        }
        T value = reader.apply(r);
        r.finish();
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return value;
    }

    private static ModuleResolution moduleResolution(FieldReader r) {
        ModuleResolution m = new ModuleResolution(
                r.uuid("deployment_id"),
                r.enumValue("deployment_profile", DeploymentProfile.class),
                r.integer("compute_container_count"),
                r.bool("grid_container_present"),
                r.enumValue("bess_coupling", BessCoupling.class),
                r.number("bess_capacity_mwh"),
                r.enumValue("sourcing_tier", SourcingTier.class),
                r.enumValue("ems_target", EmsTarget.class),
                r.enumValue("gpu_variant", GpuVariant.class),
                r.integer("gpu_count"),
                r.enumValue("climate_zone", ClimateZone.class));
        if (r.valid("compute_container_count")) {
            r.atLeast("compute_container_count", m.computeContainerCount(), 1, true);
        }
        return m;
    }

    private static ArtifactRef artifactRef(FieldReader r) {
        return new ArtifactRef(
                r.enumValue("kind", ArtifactKind.class),
                r.string("format"),
                r.string("url"),
                r.nullableString("plate_id"));
    }

    /** Jackson deserialiser routing {@link ModuleResolution} through validation. */
    public static final class ModuleResolutionDeserializer extends ValidatingDeserializer<ModuleResolution> {
        private static final long serialVersionUID = 1L;

        /** Used by Jackson. */
        public ModuleResolutionDeserializer() {
            super(ModuleResolution.class, EdpMessages::parseModuleResolution);
        }
    }

    /** Jackson deserialiser routing {@link ArtifactRef} through validation. */
    public static final class ArtifactRefDeserializer extends ValidatingDeserializer<ArtifactRef> {
        private static final long serialVersionUID = 1L;

        /** Used by Jackson. */
        public ArtifactRefDeserializer() {
            super(ArtifactRef.class, EdpMessages::parseArtifactRef);
        }
    }

    /** Jackson deserialiser routing {@link JobCreated} through validation. */
    public static final class JobCreatedDeserializer extends ValidatingDeserializer<JobCreated> {
        private static final long serialVersionUID = 1L;

        /** Used by Jackson. */
        public JobCreatedDeserializer() {
            super(JobCreated.class, EdpMessages::parseJobCreated);
        }
    }

    /** Jackson deserialiser routing {@link JobResult} through validation. */
    public static final class JobResultDeserializer extends ValidatingDeserializer<JobResult> {
        private static final long serialVersionUID = 1L;

        /** Used by Jackson. */
        public JobResultDeserializer() {
            super(JobResult.class, EdpMessages::parseJobResult);
        }
    }
}
