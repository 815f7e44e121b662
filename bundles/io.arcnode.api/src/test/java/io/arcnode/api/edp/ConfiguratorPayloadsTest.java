package io.arcnode.api.edp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.ValidationException;
import io.arcnode.api.Violation;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfiguratorPayloadsTest {

    static final String VALID = """
            {
              "deployment_id": "6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b",
              "operator_org": "ArcNode Ops",
              "deployment_site_name": "Site Alpha",
              "contact_email": "ops@arcnode.io",
              "energy_source": "solar",
              "source_capacity_mw": 12.5,
              "primary_workload": "ai_training",
              "gpu_variant": "b200",
              "target_gpu_count": 100,
              "bess_coupling": "ac_coupled",
              "bess_capacity_mwh": 20,
              "grid_connection": "grid_tied",
              "climate_zone": "temperate",
              "deployment_context": "commercial",
              "aws_partition": "standard"
            }""";

    static ObjectNode valid() {
        return (ObjectNode) ArcnodeJson.readTree(VALID);
    }

    static List<Violation> violations(JsonNode json) {
        ValidationException e = assertThrows(ValidationException.class, () -> ConfiguratorPayloads.parse(json));
        return e.violations();
    }

    static Violation single(JsonNode json) {
        List<Violation> v = violations(json);
        assertEquals(1, v.size(), () -> v.toString());
        return v.get(0);
    }

    static void assertViolation(Violation v, String field, String rule) {
        assertEquals(field, v.field(), v::toString);
        assertEquals(rule, v.rule(), v::toString);
    }

    @Test
    void validPayloadBindsAllFields() {
        ConfiguratorPayload p = ConfiguratorPayloads.parse(VALID);
        assertEquals(UUID.fromString("6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b"), p.deploymentId());
        assertEquals("ArcNode Ops", p.operatorOrg());
        assertEquals("Site Alpha", p.deploymentSiteName());
        assertEquals("ops@arcnode.io", p.contactEmail());
        assertEquals(EnergySource.SOLAR, p.energySource());
        assertEquals(12.5, p.sourceCapacityMw());
        assertEquals(PrimaryWorkload.AI_TRAINING, p.primaryWorkload());
        assertEquals(GpuVariant.B200, p.gpuVariant());
        assertEquals(100, p.targetGpuCount());
        assertEquals(BessCoupling.AC_COUPLED, p.bessCoupling());
        assertEquals(20.0, p.bessCapacityMwh());
        assertEquals(GridConnection.GRID_TIED, p.gridConnection());
        assertEquals(ClimateZone.TEMPERATE, p.climateZone());
        assertEquals(DeploymentContext.COMMERCIAL, p.deploymentContext());
        assertEquals(AwsPartition.STANDARD, p.awsPartition());
        assertTrue(ConfiguratorPayloads.validate(p).isEmpty());
    }

    @Test
    void roundTripIsByteIdentical() {
        String first = ArcnodeJson.write(ConfiguratorPayloads.parse(VALID));
        String second = ArcnodeJson.write(ConfiguratorPayloads.parse(first));
        assertEquals(first, second);
        assertTrue(first.startsWith("{\"deployment_id\":\"6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b\",\"operator_org\""), first);
        assertTrue(first.endsWith("\"deployment_context\":\"commercial\",\"aws_partition\":\"standard\"}"), first);
        assertTrue(first.contains("\"bess_capacity_mwh\":20.0"), first);
        assertEquals(ConfiguratorPayloads.parse(VALID), ConfiguratorPayloads.parse(first));
    }

    @Test
    void jacksonReadValueValidatesToo() throws Exception {
        ConfiguratorPayload p = ArcnodeJson.mapper().readValue(VALID, ConfiguratorPayload.class);
        assertEquals(ConfiguratorPayloads.parse(VALID), p);
        ObjectNode bad = valid();
        bad.put("source_capacity_mw", -1);
        Exception e = assertThrows(Exception.class,
                () -> ArcnodeJson.mapper().readValue(bad.toString(), ConfiguratorPayload.class));
        assertInstanceOf(ValidationException.class, e);
    }

    @Test
    void everyFieldIsRequired() {
        for (String f : List.copyOf(iterable(valid()))) {
            ObjectNode n = valid();
            n.remove(f);
            Violation v = single(n);
            assertViolation(v, f, "required");
            assertEquals(f + " is required", v.message());
        }
    }

    @Test
    void nullCountsAsMissing() {
        ObjectNode n = valid();
        n.putNull("operator_org");
        Violation v = single(n);
        assertViolation(v, "operator_org", "required");
        assertTrue(v.message().contains("null"), v.message());
    }

    @Test
    void everythingMissingReportsFifteenViolations() {
        List<Violation> v = violations(JsonNodeFactory.instance.objectNode());
        assertEquals(15, v.size());
        assertTrue(v.stream().allMatch(x -> x.rule().equals("required")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "source_capacity_mw | \"12\"        | type",
            "source_capacity_mw | true          | type",
            "target_gpu_count   | 3.5           | type",
            "target_gpu_count   | 3.0           | type",
            "target_gpu_count   | \"100\"       | type",
            "target_gpu_count   | false         | type",
            "target_gpu_count   | 99999999999   | type",
            "bess_capacity_mwh  | [1]           | type",
            "operator_org       | 42            | type",
            "deployment_id      | 5             | type",
            "energy_source      | {}            | type",
            "source_capacity_mw | 1e400         | finite",
    })
    void wrongTypes(String field, String json, String rule) {
        ObjectNode n = valid();
        n.set(field, ArcnodeJson.readTree(json));
        assertViolation(single(n), field, rule);
    }

    @Test
    void typeMessageNamesExpectedAndActual() {
        ObjectNode n = valid();
        n.put("source_capacity_mw", "abc");
        assertEquals("source_capacity_mw must be a number (got string \"abc\")", single(n).message());
    }

    @Test
    void integerAcceptedForFloatField() {
        ObjectNode n = valid();
        n.put("source_capacity_mw", 7);
        assertEquals(7.0, ConfiguratorPayloads.parse(n).sourceCapacityMw());
    }

    @Test
    void sourceCapacityMustBePositive() {
        for (double d : new double[] {0.0, -3.0}) {
            ObjectNode n = valid();
            n.put("source_capacity_mw", d);
            Violation v = single(n);
            assertViolation(v, "source_capacity_mw", "gt=0");
            assertEquals("source_capacity_mw must be greater than 0 (got " + d + ")", v.message());
        }
    }

    @Test
    void nanRejectedFromTree() {
        ObjectNode n = valid();
        n.put("source_capacity_mw", Double.NaN);
        assertViolation(single(n), "source_capacity_mw", "finite");
        n = valid();
        n.put("bess_capacity_mwh", Double.POSITIVE_INFINITY);
        List<Violation> v = violations(n);
        assertViolation(v.get(0), "bess_capacity_mwh", "finite");
        assertEquals(1, v.size(), "bess model rule must not run on an invalid field: " + v);
    }

    @Test
    void targetGpuCountAtLeastOne() {
        ObjectNode n = valid();
        n.put("target_gpu_count", 0);
        Violation v = single(n);
        assertViolation(v, "target_gpu_count", "ge=1");
        assertEquals("target_gpu_count must be greater than or equal to 1 (got 0)", v.message());
        n.put("target_gpu_count", 1);
        assertEquals(1, ConfiguratorPayloads.parse(n).targetGpuCount());
    }

    @Test
    void bessCapacityNotNegative() {
        ObjectNode n = valid();
        n.put("bess_capacity_mwh", -0.5);
        assertViolation(single(n), "bess_capacity_mwh", "ge=0");
    }

    @Test
    void unknownEnumValueListsAllowedValues() {
        ObjectNode n = valid();
        n.put("energy_source", "wind");
        Violation v = single(n);
        assertViolation(v, "energy_source", "enum");
        assertEquals("energy_source must be one of [nuclear, solar, grid_hybrid, off_grid] (got 'wind')", v.message());
    }

    @Test
    void enumsAreCaseSensitive() {
        ObjectNode n = valid();
        n.put("gpu_variant", "B200");
        assertViolation(single(n), "gpu_variant", "enum");
    }

    @ParameterizedTest
    @CsvSource({"not-a-uuid", "6f1c2b3a4d5e4f608a7b9c0d1e2f3a4b", "6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4", "{6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b}"})
    void deploymentIdMustBeUuid(String s) {
        ObjectNode n = valid();
        n.put("deployment_id", s);
        assertViolation(single(n), "deployment_id", "uuid");
    }

    @Test
    void uppercaseUuidAcceptedAndNormalised() {
        ObjectNode n = valid();
        n.put("deployment_id", "6F1C2B3A-4D5E-4F60-8A7B-9C0D1E2F3A4B");
        assertTrue(ArcnodeJson.write(ConfiguratorPayloads.parse(n)).contains("6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b"));
    }

    @ParameterizedTest
    @CsvSource({"plainaddress", "no at.example.com", "a@b", "a b@example.com", "@example.com", "a@.com",
            "a..b@example.com", "a@example..com", "a@-example.com", "ops@arcnode.io x"})
    void badEmails(String email) {
        ObjectNode n = valid();
        n.put("contact_email", email);
        assertViolation(single(n), "contact_email", "email");
    }

    @ParameterizedTest
    @CsvSource({"first.last+tag@sub.example.co.uk", "o'brien@example.org", "x@a-b.io"})
    void goodEmails(String email) {
        ObjectNode n = valid();
        n.put("contact_email", email);
        assertEquals(email, ConfiguratorPayloads.parse(n).contactEmail());
    }

    @Test
    void emptyOrBlankNamesRejected() {
        ObjectNode n = valid();
        n.put("operator_org", "");
        n.put("deployment_site_name", "   ");
        List<Violation> v = violations(n);
        assertEquals(2, v.size());
        assertViolation(v.get(0), "operator_org", "min_length=1");
        assertViolation(v.get(1), "deployment_site_name", "min_length=1");
    }

    @Test
    void unknownFieldRejected() {
        ObjectNode n = valid();
        n.put("target_gpu_cnt", 5);
        Violation v = single(n);
        assertViolation(v, "target_gpu_cnt", "unknown_field");
        assertTrue(v.message().contains("ConfiguratorPayload"), v.message());
    }

    @Test
    void notAnObject() {
        Violation v = single(ArcnodeJson.readTree("[1,2]"));
        assertViolation(v, "", "type");
        assertViolation(single(ArcnodeJson.readTree("null")), "", "required");
        ValidationException e = assertThrows(ValidationException.class, () -> ConfiguratorPayloads.parse("{"));
        assertEquals("json", e.violations().get(0).rule());
    }

    @Test
    void bessConsistencyNoneWithCapacity() {
        ObjectNode n = valid();
        n.put("bess_coupling", "none");
        Violation v = single(n);
        assertViolation(v, "", "bess_consistency");
        assertEquals("bess_coupling=NONE iff bess_capacity_mwh=0", v.message());
    }

    @Test
    void bessConsistencyCouplingWithoutCapacity() {
        ObjectNode n = valid();
        n.put("bess_capacity_mwh", 0);
        assertViolation(single(n), "", "bess_consistency");
        n.put("bess_coupling", "none");
        assertEquals(BessCoupling.NONE, ConfiguratorPayloads.parse(n).bessCoupling());
    }

    @Test
    void standardPartitionOnlyForCommercial() {
        ObjectNode n = valid();
        n.put("deployment_context", "sovereign_government");
        Violation v = single(n);
        assertViolation(v, "", "standard_partition_commercial_only");
        assertEquals("aws_partition=standard only valid for deployment_context=commercial", v.message());
        n.put("aws_partition", "govcloud");
        assertEquals(DeploymentContext.SOVEREIGN_GOVERNMENT, ConfiguratorPayloads.parse(n).deploymentContext());
    }

    @Test
    void defenseForwardExcludesDcIntegratedPcs() {
        ObjectNode n = valid();
        n.put("deployment_context", "defense_forward");
        n.put("aws_partition", "none");
        n.put("bess_coupling", "dc_integrated_pcs");
        Violation v = single(n);
        assertViolation(v, "", "dod_excludes_dc_integrated_pcs");
        assertEquals("defense_forward + dc_integrated_pcs is not procurable (CATL exclusion)", v.message());
        n.put("bess_coupling", "dc_external_pcs");
        assertEquals(BessCoupling.DC_EXTERNAL_PCS, ConfiguratorPayloads.parse(n).bessCoupling());
    }

    @Test
    void allThreeModelRulesTogether() {
        ObjectNode n = valid();
        n.put("deployment_context", "defense_forward");
        n.put("bess_coupling", "dc_integrated_pcs");
        n.put("bess_capacity_mwh", 0);
        List<String> rules = violations(n).stream().map(Violation::rule).collect(Collectors.toList());
        assertEquals(List.of("bess_consistency", "standard_partition_commercial_only", "dod_excludes_dc_integrated_pcs"), rules);
    }

    @Test
    void modelRuleSkippedWhenItsFieldIsInvalid() {
        ObjectNode n = valid();
        n.put("bess_coupling", "none");
        n.put("bess_capacity_mwh", "lots");
        List<Violation> v = violations(n);
        assertEquals(1, v.size(), v::toString);
        assertViolation(v.get(0), "bess_capacity_mwh", "type");
    }

    @Test
    void severalViolationsReportedTogether() {
        ObjectNode n = valid();
        n.remove("climate_zone");
        n.put("source_capacity_mw", -3.0);
        n.put("gpu_variant", "a100");
        n.put("target_gpu_count", 2.5);
        n.put("contact_email", "nope");
        n.put("extra", 1);
        List<Violation> v = violations(n);
        List<String> got = v.stream().map(x -> x.field() + ":" + x.rule()).collect(Collectors.toList());
        // order: field reads in declaration order, then range rules, then unknown fields
        assertEquals(List.of("contact_email:email", "gpu_variant:enum", "target_gpu_count:type",
                "climate_zone:required", "source_capacity_mw:gt=0", "extra:unknown_field"), got);
        ValidationException e = assertThrows(ValidationException.class, () -> ConfiguratorPayloads.parse(n));
        assertTrue(e.getMessage().startsWith("6 violations:"), e.getMessage());
    }

    @Test
    void validateOnBuiltObject() {
        ConfiguratorPayload ok = ConfiguratorPayloads.parse(VALID);
        ConfiguratorPayload bad = new ConfiguratorPayload(ok.deploymentId(), ok.operatorOrg(), ok.deploymentSiteName(),
                ok.contactEmail(), ok.energySource(), ok.sourceCapacityMw(), ok.primaryWorkload(), ok.gpuVariant(),
                ok.targetGpuCount(), BessCoupling.DC_INTEGRATED_PCS, ok.bessCapacityMwh(), ok.gridConnection(),
                ok.climateZone(), DeploymentContext.DEFENSE_FORWARD, AwsPartition.GOVCLOUD);
        List<Violation> v = ConfiguratorPayloads.validate(bad);
        assertEquals(1, v.size());
        assertViolation(v.get(0), "", "dod_excludes_dc_integrated_pcs");
    }

    private static List<String> iterable(ObjectNode n) {
        List<String> out = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        assertEquals(15, out.size());
        return out;
    }
}
