package io.arcnode.api.edp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.ValidationException;
import io.arcnode.api.Violation;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EdpMessagesTest {

    static final String MR = "{\"deployment_id\":\"6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b\",\"deployment_profile\":\"commercial_ac\","
            + "\"compute_container_count\":2,\"grid_container_present\":true,\"bess_coupling\":\"ac_coupled\","
            + "\"bess_capacity_mwh\":20.0,\"sourcing_tier\":\"commercial\",\"ems_target\":\"aws_standard\","
            + "\"gpu_variant\":\"b200\",\"gpu_count\":112,\"climate_zone\":\"temperate\"}";

    @Test
    void moduleResolutionRoundTripExact() {
        ModuleResolution m = EdpMessages.parseModuleResolution(MR);
        assertEquals(DeploymentProfile.COMMERCIAL_AC, m.deploymentProfile());
        assertEquals(112, m.gpuCount());
        assertEquals(MR, ArcnodeJson.write(m));
    }

    @Test
    void moduleResolutionRules() {
        String bad = MR.replace("\"compute_container_count\":2", "\"compute_container_count\":0")
                .replace("\"grid_container_present\":true", "\"grid_container_present\":\"yes\"");
        ValidationException e = assertThrows(ValidationException.class, () -> EdpMessages.parseModuleResolution(bad));
        assertEquals(List.of("grid_container_present:type", "compute_container_count:ge=1"),
                e.violations().stream().map(v -> v.field() + ":" + v.rule()).collect(Collectors.toList()));
    }

    @Test
    void jobCreatedRoundTripWithNullPlateId() {
        JobCreated jc = new JobCreated(UUID.fromString("00000000-0000-4000-8000-000000000001"), "/edp-api/jobs/1",
                List.of(new ArtifactRef(ArtifactKind.BOM, "json", "s3://arcnode-artifacts/edp/x/bom.json", null),
                        new ArtifactRef(ArtifactKind.INTERFACE_PLATE, "step", "s3://arcnode-artifacts/edp/x/plate_cg.step", "CG")));
        String json = ArcnodeJson.write(jc);
        assertEquals("{\"job_id\":\"00000000-0000-4000-8000-000000000001\",\"status_url\":\"/edp-api/jobs/1\","
                + "\"edp_artifact_urls\":[{\"kind\":\"bom\",\"format\":\"json\",\"url\":\"s3://arcnode-artifacts/edp/x/bom.json\",\"plate_id\":null},"
                + "{\"kind\":\"interface_plate\",\"format\":\"step\",\"url\":\"s3://arcnode-artifacts/edp/x/plate_cg.step\",\"plate_id\":\"CG\"}]}", json);
        assertEquals(jc, EdpMessages.parseJobCreated(json));
    }

    @Test
    void plateIdMayBeAbsent() {
        ArtifactRef a = EdpMessages.parseArtifactRef("{\"kind\":\"sld\",\"format\":\"pdf\",\"url\":\"u\"}");
        assertNull(a.plateId());
    }

    @Test
    void jobResultErrorNullableAndNestedViolationPaths() throws Exception {
        JobResult r = ArcnodeJson.mapper().readValue("{\"status\":\"complete\",\"edp_artifact_urls\":[]}", JobResult.class);
        assertNull(r.error());
        assertEquals("{\"status\":\"complete\",\"edp_artifact_urls\":[],\"error\":null}", ArcnodeJson.write(r));
        ValidationException e = assertThrows(ValidationException.class, () -> EdpMessages.parseJobResult(
                "{\"status\":\"done\",\"edp_artifact_urls\":[{\"kind\":\"bom\",\"format\":\"json\"},7],\"error\":3}"));
        List<String> got = e.violations().stream().map(Violation::field).collect(Collectors.toList());
        assertEquals(List.of("status", "edp_artifact_urls[0].url", "edp_artifact_urls[1]", "error"), got);
    }
}
