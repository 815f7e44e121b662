package io.arcnode.edp.dtm.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.dtm.Device;
import io.arcnode.api.dtm.Dtm;
import io.arcnode.api.dtm.Dtms;
import io.arcnode.api.dtm.EmsMode;
import io.arcnode.api.dtm.ProtocolKind;
import io.arcnode.api.dtm.RedfishConfig;
import io.arcnode.api.edp.AwsPartition;
import io.arcnode.api.edp.BessCoupling;
import io.arcnode.api.edp.ClimateZone;
import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.ConfiguratorPayloads;
import io.arcnode.api.edp.DeploymentContext;
import io.arcnode.api.edp.DeploymentProfile;
import io.arcnode.api.edp.EdpConstants;
import io.arcnode.api.edp.EmsTarget;
import io.arcnode.api.edp.EnergySource;
import io.arcnode.api.edp.GpuVariant;
import io.arcnode.api.edp.GridConnection;
import io.arcnode.api.edp.ModuleResolution;
import io.arcnode.api.edp.PrimaryWorkload;
import io.arcnode.api.edp.SourcingTier;
import io.arcnode.edp.assemblies.api.AssemblyCatalogue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DtmGeneratorTest {

    private static final AssemblyCatalogue CATALOGUE = AssemblyCatalogue.load();
    private static final UUID DEPLOYMENT = UUID.fromString("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
    private static final int COMPUTE_DEVICES = CATALOGUE.topology("compute_container").devices().size();

    /** A valid payload for each profile (the three model rules of spec 002 hold). */
    static ConfiguratorPayload payload(DeploymentProfile profile, UUID id, int gpus, GpuVariant gpu,
            ClimateZone climate) {
        DeploymentContext context = switch (profile.json().substring(0, profile.json().indexOf('_'))) {
            case "commercial" -> DeploymentContext.COMMERCIAL;
            case "federal" -> DeploymentContext.SOVEREIGN_GOVERNMENT;
            default -> DeploymentContext.DEFENSE_FORWARD;
        };
        BessCoupling coupling = profile.json().endsWith("no_bess") ? BessCoupling.NONE
                : profile.json().endsWith("_ac") ? BessCoupling.AC_COUPLED
                : profile.json().endsWith("dc_ext") ? BessCoupling.DC_EXTERNAL_PCS : BessCoupling.DC_INTEGRATED_PCS;
        AwsPartition partition = switch (context) {
            case COMMERCIAL -> AwsPartition.STANDARD;
            case SOVEREIGN_GOVERNMENT -> AwsPartition.GOVCLOUD;
            case DEFENSE_FORWARD -> AwsPartition.NONE;
        };
        EnergySource source = context == DeploymentContext.DEFENSE_FORWARD ? EnergySource.OFF_GRID
                : EnergySource.GRID_HYBRID;
        GridConnection grid = context == DeploymentContext.DEFENSE_FORWARD ? GridConnection.NONE
                : GridConnection.GRID_TIED;
        ConfiguratorPayload p = new ConfiguratorPayload(id, "Arc Operator", "Site Alpha", "ops@example.com", source,
                12.5, PrimaryWorkload.AI_TRAINING, gpu, gpus, coupling, coupling == BessCoupling.NONE ? 0 : 2.5, grid,
                climate, context, partition);
        assertEquals(List.of(), ConfiguratorPayloads.validate(p), profile.json());
        return p;
    }

    /** Tiny resolver for the tests (the real one lives in io.arcnode.edp.resolver). */
    static ModuleResolution resolve(ConfiguratorPayload p, DeploymentProfile profile) {
        int containers = (p.targetGpuCount() - 1) / EdpConstants.GPUS_PER_COMPUTE_CONTAINER + 1;
        boolean grid = !(p.energySource() == EnergySource.OFF_GRID && p.gridConnection() == GridConnection.NONE
                && p.bessCoupling() == BessCoupling.NONE);
        SourcingTier tier = switch (p.deploymentContext()) {
            case COMMERCIAL -> SourcingTier.COMMERCIAL;
            case SOVEREIGN_GOVERNMENT -> SourcingTier.FEDERAL_CIVILIAN;
            case DEFENSE_FORWARD -> SourcingTier.DOD_ELIGIBLE;
        };
        EmsTarget ems = switch (p.awsPartition()) {
            case STANDARD -> EmsTarget.AWS_STANDARD;
            case GOVCLOUD -> EmsTarget.AWS_GOVCLOUD;
            case NONE -> EmsTarget.AIR_GAPPED;
        };
        return new ModuleResolution(p.deploymentId(), profile, containers, grid, p.bessCoupling(),
                p.bessCapacityMwh(), tier, ems, p.gpuVariant(), containers * EdpConstants.GPUS_PER_COMPUTE_CONTAINER,
                p.climateZone());
    }

    private static byte[] generate(DeploymentProfile profile, UUID id, int gpus) {
        ConfiguratorPayload p = payload(profile, id, gpus, GpuVariant.H100_SXM, ClimateZone.TEMPERATE);
        return DtmGenerator.generateJson(p, resolve(p, profile), CATALOGUE);
    }

    @ParameterizedTest
    @EnumSource(DeploymentProfile.class)
    void everyProfileGivesAValidDtm(DeploymentProfile profile) {
        ConfiguratorPayload p = payload(profile, DEPLOYMENT, 150, GpuVariant.B200, ClimateZone.ARID_HOT);
        ModuleResolution r = resolve(p, profile);
        byte[] json = DtmGenerator.generateJson(p, r, CATALOGUE);
        Dtm dtm = Dtms.parse(new String(json, StandardCharsets.UTF_8)); // FK rule and every field rule
        assertEquals(DEPLOYMENT, dtm.deploymentUuid());
        assertEquals(EmsMode.SIM, dtm.emsMode());
        assertEquals(3, r.computeContainerCount());
        List<String> ids = dtm.modules().stream().map(m -> m.moduleId()).toList();
        int gridDevices = 0;
        if (r.gridContainerPresent()) {
            String variant = AssemblyCatalogue.gridContainerAssembly(profile);
            assertEquals(List.of("compute-01", "compute-02", "compute-03", "grid-01"), ids);
            assertEquals(variant, dtm.modules().get(3).moduleType());
            assertEquals("G01", dtm.modules().get(3).containerPosition());
            gridDevices = CATALOGUE.topology(variant).devices().size();
        } else {
            assertEquals(List.of("compute-01", "compute-02", "compute-03"), ids);
        }
        assertEquals(3 * COMPUTE_DEVICES + gridDevices, dtm.devices().size());
        assertEquals(dtm, DtmGenerator.generate(p, r, CATALOGUE), "bytes round-trip to the same model");
        for (int i = 0; i < 3; i++) {
            assertEquals("compute_container", dtm.modules().get(i).moduleType());
            assertEquals("C0" + (i + 1), dtm.modules().get(i).containerPosition());
        }
    }

    @Test
    void defenseOffGridWithoutBessHasNoGridContainer() {
        ConfiguratorPayload p = payload(DeploymentProfile.DOD_NO_BESS, DEPLOYMENT, 56, GpuVariant.H100_SXM,
                ClimateZone.SUBARCTIC);
        Dtm dtm = DtmGenerator.generate(p, resolve(p, DeploymentProfile.DOD_NO_BESS), CATALOGUE);
        assertEquals(1, dtm.modules().size());
        assertEquals(COMPUTE_DEVICES, dtm.devices().size());
    }

    @Test
    void samePayloadGivesIdenticalBytes() {
        byte[] a = generate(DeploymentProfile.COMMERCIAL_DC_INT, DEPLOYMENT, 560);
        byte[] b = DtmGenerator.generateJson(
                payload(DeploymentProfile.COMMERCIAL_DC_INT, DEPLOYMENT, 560, GpuVariant.H100_SXM,
                        ClimateZone.TEMPERATE),
                resolve(payload(DeploymentProfile.COMMERCIAL_DC_INT, DEPLOYMENT, 560, GpuVariant.H100_SXM,
                        ClimateZone.TEMPERATE), DeploymentProfile.COMMERCIAL_DC_INT),
                AssemblyCatalogue.load());
        assertArrayEquals(a, b);
    }

    @Test
    void jsonFormatIsPrettyLfWithTrailingNewline() {
        String s = new String(generate(DeploymentProfile.FEDERAL_AC, DEPLOYMENT, 56), StandardCharsets.UTF_8);
        assertTrue(s.startsWith("{\n  \"deployment_uuid\": \"" + DEPLOYMENT + "\",\n  \"ems_mode\": \"sim\",\n"), s);
        assertTrue(s.endsWith("}\n"));
        assertFalse(s.endsWith("\n\n"));
        assertFalse(s.contains("\r"));
        // the discriminator is the first field of every protocol_config
        assertTrue(s.contains("\"protocol_config\": {\n        \"protocol\": "), s.substring(0, 2000));
        JsonNode tree = ArcnodeJson.readTree(s);
        for (JsonNode d : tree.get("devices")) {
            assertEquals("protocol", d.get("protocol_config").fieldNames().next());
        }
    }

    @Test
    void deviceUuidsFollowTheNameScheme() {
        ConfiguratorPayload p = payload(DeploymentProfile.COMMERCIAL_AC, DEPLOYMENT, 56, GpuVariant.H100_SXM,
                ClimateZone.TEMPERATE);
        Dtm dtm = DtmGenerator.generate(p, resolve(p, DeploymentProfile.COMMERCIAL_AC), CATALOGUE);
        Device first = dtm.devices().get(0);
        assertEquals("cdu", first.deviceType());
        // python3 -c "import uuid; print(uuid.uuid5(uuid.UUID('3f2504e0-...'), 'compute-01/0/cdu'))"
        assertEquals(UUID.fromString("d1e964ed-3e93-5178-b6b5-ad3b422588be"), first.deviceUuid());
        Device meter = dtm.devices().stream().filter(d -> d.moduleId().equals("grid-01")).toList().get(3);
        assertEquals("revenue_meter", meter.deviceType());
        assertEquals(UUID.fromString("8231615e-ce2e-5b72-9abc-daad6c7eb89a"), meter.deviceUuid());
    }

    @Test
    void differentDeploymentIdGivesDifferentUuids() {
        UUID other = UUID.fromString("9b2d6a51-0c4e-4b7f-8d3a-2f1e5c6b7a80");
        Set<UUID> a = uuids(generate(DeploymentProfile.COMMERCIAL_DC_EXT, DEPLOYMENT, 112));
        Set<UUID> b = uuids(generate(DeploymentProfile.COMMERCIAL_DC_EXT, other, 112));
        assertEquals(a.size(), b.size());
        assertTrue(a.stream().noneMatch(b::contains), "no UUID shared between deployments");
    }

    @Test
    void uuidsAndEndpointsAreUniqueWithinADtm() {
        ConfiguratorPayload p = payload(DeploymentProfile.FEDERAL_DC_EXT, DEPLOYMENT, 560, GpuVariant.H100_SXM,
                ClimateZone.TROPICAL);
        Dtm dtm = DtmGenerator.generate(p, resolve(p, DeploymentProfile.FEDERAL_DC_EXT), CATALOGUE);
        assertEquals(10 * COMPUTE_DEVICES + CATALOGUE.topology("grid_container_commercial_dc").devices().size(),
                dtm.devices().size());
        assertEquals(dtm.devices().size(), dtm.devices().stream().map(Device::deviceUuid).distinct().count());
        assertEquals(dtm.devices().size(),
                dtm.devices().stream().map(d -> d.host() + ":" + d.port()).distinct().count());
        for (Device d : dtm.devices()) {
            assertTrue(d.host().startsWith("sim-") && d.host().endsWith("." + d.moduleId()), d.host());
        }
        assertEquals("sim-compute-cdu.compute-03", dtm.devices().get(2 * COMPUTE_DEVICES).host());
    }

    @Test
    void noInlineSecrets() {
        String s = new String(generate(DeploymentProfile.COMMERCIAL_DC_INT, DEPLOYMENT, 112), StandardCharsets.UTF_8);
        List<String> passwordFields = new ArrayList<>();
        collectFields(ArcnodeJson.readTree(s), "password", passwordFields);
        assertFalse(passwordFields.isEmpty());
        assertEquals(Set.of("password_secret_ref"), Set.copyOf(passwordFields));
        Dtm dtm = Dtms.parse(s);
        for (Device d : dtm.devices()) {
            if (d.protocolConfig() instanceof RedfishConfig r) {
                assertTrue(r.passwordSecretRef().startsWith("vault://arcnode/bmc/" + d.moduleId() + "/gpu-node-"),
                        r.passwordSecretRef());
            }
        }
        assertEquals(2 * 7, dtm.devices().stream().filter(d -> d.protocolConfig() instanceof RedfishConfig r)
                .map(d -> ((RedfishConfig) d.protocolConfig()).passwordSecretRef()).distinct().count());
    }

    @Test
    void allFiveProtocolKindsForADcProfile() {
        for (DeploymentProfile profile : List.of(DeploymentProfile.COMMERCIAL_DC_EXT,
                DeploymentProfile.COMMERCIAL_DC_INT, DeploymentProfile.FEDERAL_DC_INT, DeploymentProfile.DOD_DC_EXT)) {
            Dtm dtm = Dtms.parse(new String(generate(profile, DEPLOYMENT, 56), StandardCharsets.UTF_8));
            Set<ProtocolKind> kinds = dtm.devices().stream().map(d -> d.protocolConfig().protocol())
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(ProtocolKind.class)));
            assertEquals(EnumSet.allOf(ProtocolKind.class), kinds, profile.json());
        }
    }

    @Test
    void sizingParams() {
        ConfiguratorPayload h100 = payload(DeploymentProfile.COMMERCIAL_AC, DEPLOYMENT, 560, GpuVariant.H100_SXM,
                ClimateZone.SUBARCTIC);
        Dtm a = DtmGenerator.generate(h100, resolve(h100, DeploymentProfile.COMMERCIAL_AC), CATALOGUE);
        assertEquals(714.0, a.sizingParams().pComputeTotalKw()); // 10 x 7 x 10.2
        assertEquals(2500.0, a.sizingParams().eBessTotalKwh());
        assertEquals(35.0, a.sizingParams().tCoolantSetpointC());
        ConfiguratorPayload b200 = payload(DeploymentProfile.COMMERCIAL_NO_BESS, DEPLOYMENT, 1, GpuVariant.B200,
                ClimateZone.TROPICAL);
        Dtm b = DtmGenerator.generate(b200, resolve(b200, DeploymentProfile.COMMERCIAL_NO_BESS), CATALOGUE);
        assertEquals(100.1, b.sizingParams().pComputeTotalKw()); // 1 x 7 x 14.3
        assertEquals(0.0, b.sizingParams().eBessTotalKwh());
        assertEquals(25.0, b.sizingParams().tCoolantSetpointC());
        assertEquals(Map.of(ClimateZone.SUBARCTIC, 35.0, ClimateZone.TEMPERATE, 32.0, ClimateZone.ARID_HOT, 27.0,
                ClimateZone.TROPICAL, 25.0), Map.of(ClimateZone.SUBARCTIC, DtmSizing.coolantSetpointC(
                        ClimateZone.SUBARCTIC), ClimateZone.TEMPERATE, DtmSizing.coolantSetpointC(
                        ClimateZone.TEMPERATE), ClimateZone.ARID_HOT, DtmSizing.coolantSetpointC(ClimateZone.ARID_HOT),
                        ClimateZone.TROPICAL, DtmSizing.coolantSetpointC(ClimateZone.TROPICAL)));
        assertEquals(100.0, DtmSizing.bessTotalKwh(0.1));
        assertEquals(71_400.0, DtmSizing.computeTotalKw(1000, GpuVariant.H100_SXM));
        assertTrue(new String(DtmGenerator.toJson(a), StandardCharsets.UTF_8).contains("\"P_compute_total_kW\": 714.0"));
    }

    @Test
    void moduleIdsArePaddedToTheCount() {
        assertEquals("compute-01", DtmGenerator.computeModuleId(1, 9));
        assertEquals("compute-99", DtmGenerator.computeModuleId(99, 99));
        assertEquals("compute-001", DtmGenerator.computeModuleId(1, 100));
        assertEquals("C100", DtmGenerator.computePosition(100, 100));
        Dtm dtm = Dtms.parse(new String(generate(DeploymentProfile.DOD_AC, DEPLOYMENT, 100 * 56),
                StandardCharsets.UTF_8));
        assertEquals("compute-001", dtm.modules().get(0).moduleId());
        assertEquals("compute-100", dtm.modules().get(99).moduleId());
        assertEquals("grid-01", dtm.modules().get(100).moduleId());
    }

    @Test
    void mismatchedDeploymentIdsAreRefused() {
        ConfiguratorPayload p = payload(DeploymentProfile.COMMERCIAL_AC, DEPLOYMENT, 56, GpuVariant.H100_SXM,
                ClimateZone.TEMPERATE);
        ModuleResolution r = resolve(payload(DeploymentProfile.COMMERCIAL_AC, UUID.randomUUID(), 56,
                GpuVariant.H100_SXM, ClimateZone.TEMPERATE), DeploymentProfile.COMMERCIAL_AC);
        assertThrows(IllegalArgumentException.class, () -> DtmGenerator.generate(p, r, CATALOGUE));
    }

    private static Set<UUID> uuids(byte[] json) {
        Set<UUID> out = new HashSet<>();
        for (Device d : Dtms.parse(new String(json, StandardCharsets.UTF_8)).devices()) {
            out.add(d.deviceUuid());
        }
        return out;
    }

    private static void collectFields(JsonNode n, String fragment, List<String> out) {
        if (n.isObject()) {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                if (e.getKey().toLowerCase(java.util.Locale.ROOT).contains(fragment)) {
                    out.add(e.getKey());
                }
                collectFields(e.getValue(), fragment, out);
            }
        } else if (n.isArray()) {
            n.forEach(c -> collectFields(c, fragment, out));
        }
    }
}
