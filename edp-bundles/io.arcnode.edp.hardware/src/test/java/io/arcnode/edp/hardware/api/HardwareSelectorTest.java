package io.arcnode.edp.hardware.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.edp.DeploymentProfile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HardwareSelectorTest {

    private static final String A = "s3://arcnode-artifacts/assemblies/";
    private static final Predicate<String> ALL = key -> true;
    private static String shipped;

    @BeforeAll
    static void readShipped() throws IOException {
        try (InputStream in = HardwareSelector.class.getResourceAsStream("/" + HardwareSelector.MAP_FILE)) {
            assertNotNull(in, "map/hardware_selector_map.yaml must be on the class path");
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static HardwareMapException broken(String yaml, Predicate<String> exists) {
        return assertThrows(HardwareMapException.class,
                () -> HardwareSelector.parse("test-map.yaml", yaml.getBytes(StandardCharsets.UTF_8), exists));
    }

    /** The shipped map with the block of {@code profile} replaced by {@code block} (null: removed). */
    private static String replaceProfile(String profile, String block) {
        int start = shipped.indexOf("\n" + profile + ":\n") + 1;
        int end = shipped.indexOf("\n\n", start);
        end = end < 0 ? shipped.length() : end + 1;
        return shipped.substring(0, start) + (block == null ? "" : block) + shipped.substring(end);
    }

    /** Every key the shipped map names, i.e. what the artifact store must hold. */
    private static Set<String> shippedKeys() {
        Set<String> keys = new TreeSet<>();
        HardwareSelector.parse("m", shipped.getBytes(StandardCharsets.UTF_8), k -> keys.add(k) || true);
        return keys;
    }

    @Test
    void shippedMapLoadsAndAsksTheStoreForEachFileOnce() {
        List<String> asked = new ArrayList<>();
        HardwareSelector s = HardwareSelector.load(key -> asked.add(key));
        assertEquals(List.of(
                "assemblies/compute_container/compute_container.step",
                "assemblies/compute_container/compute_container.glb",
                "assemblies/grid_container_commercial_ac/grid_container_commercial_ac.step",
                "assemblies/grid_container_commercial_ac/grid_container_commercial_ac.glb",
                "assemblies/plates/plate_cl.step", "assemblies/plates/plate_cl.dxf", "assemblies/plates/plate_cl.pdf",
                "assemblies/plates/plate_nw.step", "assemblies/plates/plate_nw.dxf", "assemblies/plates/plate_nw.pdf",
                "assemblies/plates/plate_cg.step", "assemblies/plates/plate_cg.dxf", "assemblies/plates/plate_cg.pdf",
                "assemblies/grid_container_commercial_dc/grid_container_commercial_dc.step",
                "assemblies/grid_container_commercial_dc/grid_container_commercial_dc.glb",
                "assemblies/plates/plate_bt.step", "assemblies/plates/plate_bt.dxf", "assemblies/plates/plate_bt.pdf",
                "assemblies/grid_container_defense/grid_container_defense.step",
                "assemblies/grid_container_defense/grid_container_defense.glb"), asked);
        assertEquals(A + "compute_container/compute_container.glb",
                s.select(DeploymentProfile.FEDERAL_AC).computeContainer().glb());
    }

    @ParameterizedTest
    @EnumSource(DeploymentProfile.class)
    void shippedMapFollowsTheSharedVocabulary(DeploymentProfile profile) {
        HardwareSelection sel = HardwareSelector.load(ALL).select(profile);
        assertEquals(profile, sel.profile());
        assertEquals(new HardwareSelection.Assembly(A + "compute_container/compute_container.step",
                A + "compute_container/compute_container.glb"), sel.computeContainer());
        String grid = HardwareSelector.gridContainerAssembly(profile);
        assertEquals(new HardwareSelection.Assembly(A + grid + "/" + grid + ".step", A + grid + "/" + grid + ".glb"),
                sel.gridContainer());
        boolean dc = profile.json().contains("_dc_");
        assertEquals(dc ? List.of("CL", "NW", "CG", "BT") : List.of("CL", "NW", "CG"),
                sel.plates().stream().map(HardwareSelection.Plate::plateId).toList());
        for (HardwareSelection.Plate p : sel.plates()) {
            String base = A + "plates/plate_" + p.plateId().toLowerCase(java.util.Locale.ROOT);
            assertEquals(new HardwareSelection.Plate(p.plateId(), base + ".step", base + ".dxf", base + ".pdf"), p);
        }
        assertEquals(dc, sel.plate("BT").isPresent());
        assertTrue(sel.plate("CG").isPresent());
    }

    @Test
    void gridVariantRule() {
        assertEquals("grid_container_defense", HardwareSelector.gridContainerAssembly(DeploymentProfile.DOD_NO_BESS));
        assertEquals("grid_container_defense", HardwareSelector.gridContainerAssembly(DeploymentProfile.DOD_DC_EXT));
        assertEquals("grid_container_commercial_dc",
                HardwareSelector.gridContainerAssembly(DeploymentProfile.FEDERAL_DC_INT));
        assertEquals("grid_container_commercial_dc",
                HardwareSelector.gridContainerAssembly(DeploymentProfile.COMMERCIAL_DC_EXT));
        assertEquals("grid_container_commercial_ac",
                HardwareSelector.gridContainerAssembly(DeploymentProfile.COMMERCIAL_NO_BESS));
        assertEquals("grid_container_commercial_ac", HardwareSelector.gridContainerAssembly(DeploymentProfile.FEDERAL_AC));
    }

    @Test
    void missingProfileIsNamed() {
        HardwareMapException e = broken(replaceProfile("dod_ac", null), ALL);
        assertEquals("dod_ac", e.profile());
        assertEquals("test-map.yaml", e.file());
        assertEquals(1, e.problems().size());
        assertTrue(e.getMessage().startsWith("test-map.yaml: "), e.getMessage());
        assertTrue(e.getMessage().contains("profile 'dod_ac': profile missing"), e.getMessage());
    }

    @Test
    void unknownProfileIsNamed() {
        String block = shipped.substring(shipped.indexOf("\ndod_dc_ext:\n") + 1).replace("dod_dc_ext:", "dod_dc_int:");
        HardwareMapException e = broken(shipped + "\n" + block, ALL);
        assertEquals("dod_dc_int", e.profile());
        assertTrue(e.getMessage().contains("profile 'dod_dc_int': unknown profile"), e.getMessage());
    }

    @Test
    void malformedUrlIsNamedWithItsProfileAndField() {
        String bad = replaceProfile("federal_dc_ext", shipped.substring(shipped.indexOf("\nfederal_dc_ext:\n") + 1,
                shipped.indexOf("\n\n", shipped.indexOf("\nfederal_dc_ext:\n") + 1) + 1)
                .replace("s3://arcnode-artifacts/assemblies/plates/plate_bt.dxf", "https://example.com/plate_bt.dxf"));
        HardwareMapException e = broken(bad, ALL);
        assertEquals("federal_dc_ext", e.profile());
        assertTrue(e.getMessage().contains("plate BT.dxf 'https://example.com/plate_bt.dxf' is not a URL under "
                + "s3://arcnode-artifacts/"), e.getMessage());
    }

    @Test
    void traversalWrongExtensionAndNonStringUrlsAreMalformed() {
        String yaml = shipped
                .replaceFirst("compute_container/compute_container.step", "../secrets/compute_container.step")
                .replaceFirst("grid_container_commercial_ac.glb", "grid_container_commercial_ac.step")
                .replaceFirst("pdf: s3://arcnode-artifacts/assemblies/plates/plate_cl.pdf", "pdf: 42");
        HardwareMapException e = broken(yaml, ALL);
        assertEquals(3, e.problems().size(), e.getMessage());
        assertTrue(e.problems().stream().allMatch(p -> "commercial_no_bess".equals(p.profile())));
        assertTrue(e.getMessage().contains("compute_container.step 's3://arcnode-artifacts/assemblies/../secrets/"
                + "compute_container.step' has a malformed key"), e.getMessage());
        assertTrue(e.getMessage().contains("grid_container.glb"), e.getMessage());
        assertTrue(e.getMessage().contains("must end in .glb"), e.getMessage());
        assertTrue(e.getMessage().contains("plate CL.pdf must be a URL string"), e.getMessage());
    }

    @Test
    void unresolvableUrlIsNamedWithTheFirstProfileUsingIt() {
        Set<String> keys = shippedKeys();
        assertTrue(keys.remove("assemblies/grid_container_defense/grid_container_defense.glb"));
        HardwareMapException e = broken(shipped, keys::contains);
        assertEquals("dod_no_bess", e.profile());
        assertEquals(1, e.problems().size());
        assertTrue(e.getMessage().contains("profile 'dod_no_bess': grid_container.glb "
                + "'s3://arcnode-artifacts/assemblies/grid_container_defense/grid_container_defense.glb' "
                + "not found in the artifact store (also used by dod_ac, dod_dc_ext)"), e.getMessage());
    }

    @Test
    void storeIsNotAskedWhileTheMapIsOtherwiseBroken() {
        List<String> asked = new ArrayList<>();
        broken(replaceProfile("commercial_ac", null), k -> asked.add(k));
        assertTrue(asked.isEmpty());
    }

    @Test
    void plateSetMustMatchTheProfile() {
        String noBt = replaceProfile("commercial_dc_int", """
                commercial_dc_int:
                  compute_container: {step: %1$scompute_container/compute_container.step, glb: %1$scompute_container/compute_container.glb}
                  grid_container: {step: %1$sg/g.step, glb: %1$sg/g.glb}
                  interface_plates:
                    - {plate_id: CL, step: %1$sp/cl.step, dxf: %1$sp/cl.dxf, pdf: %1$sp/cl.pdf}
                    - {plate_id: CL, step: %1$sp/cl.step, dxf: %1$sp/cl.dxf, pdf: %1$sp/cl.pdf}
                    - {plate_id: NW, step: %1$sp/nw.step, dxf: %1$sp/nw.dxf, pdf: %1$sp/nw.pdf}
                    - {plate_id: CG, step: %1$sp/cg.step, dxf: %1$sp/cg.dxf, pdf: %1$sp/cg.pdf}
                """.formatted(A));
        HardwareMapException e = broken(noBt, ALL);
        assertEquals("commercial_dc_int", e.profile());
        assertTrue(e.getMessage().contains("plate CL listed twice"), e.getMessage());
        assertTrue(e.getMessage().contains("interface_plates lacks plate BT"), e.getMessage());

        String btOnAc = replaceProfile("dod_ac", """
                dod_ac:
                  compute_container: {step: %1$sc/c.step, glb: %1$sc/c.glb}
                  grid_container: {step: %1$sg/g.step, glb: %1$sg/g.glb}
                  interface_plates:
                    - {plate_id: CL, step: %1$sp/cl.step, dxf: %1$sp/cl.dxf, pdf: %1$sp/cl.pdf}
                    - {plate_id: NW, step: %1$sp/nw.step, dxf: %1$sp/nw.dxf, pdf: %1$sp/nw.pdf}
                    - {plate_id: CG, step: %1$sp/cg.step, dxf: %1$sp/cg.dxf, pdf: %1$sp/cg.pdf}
                    - {plate_id: BT, step: %1$sp/bt.step, dxf: %1$sp/bt.dxf, pdf: %1$sp/bt.pdf}
                    - {plate_id: XX, step: %1$sp/x.step, dxf: %1$sp/x.dxf, pdf: %1$sp/x.pdf}
                """.formatted(A));
        e = broken(btOnAc, ALL);
        assertEquals("dod_ac", e.profile());
        assertTrue(e.getMessage().contains("lists plate BT, which this profile cannot have"), e.getMessage());
        assertTrue(e.getMessage().contains("plate_id must be one of CL, NW, CG, BT"), e.getMessage());
    }

    @Test
    void entryShapeErrorsNameTheProfile() {
        HardwareMapException e = broken(replaceProfile("federal_no_bess", """
                federal_no_bess:
                  compute_container: {step: %1$sc/c.step}
                  grid_container: nope
                  extra: 1
                """.formatted(A)), ALL);
        assertTrue(e.problems().stream().allMatch(p -> "federal_no_bess".equals(p.profile())), e.getMessage());
        assertTrue(e.getMessage().contains("the entry.interface_plates is required"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown key 'extra'"), e.getMessage());
    }

    @Test
    void notYamlOrNotAMappingOrDuplicateKeyFailsForTheWholeFile() {
        HardwareMapException e = broken("commercial_ac: [unclosed", ALL);
        assertNull(e.profile());
        assertTrue(e.getMessage().startsWith("test-map.yaml: "), e.getMessage());
        assertTrue(e.getMessage().contains("invalid YAML"), e.getMessage());
        assertTrue(broken("- a\n- b\n", ALL).getMessage().contains("must be a mapping"));
        assertTrue(broken("", ALL).getMessage().contains("must be a mapping"));
        String dup = shipped + "\n" + shipped.substring(shipped.indexOf("\ndod_ac:\n") + 1,
                shipped.indexOf("\n\n", shipped.indexOf("\ndod_ac:\n") + 1) + 1);
        assertTrue(broken(dup, ALL).getMessage().contains("invalid YAML"));
    }

    @Test
    void selectionsAreImmutable() {
        HardwareSelection s = HardwareSelector.load(ALL).select(DeploymentProfile.DOD_DC_EXT);
        assertThrows(UnsupportedOperationException.class, () -> s.plates().clear());
        assertFalse(s.plate("XX").isPresent());
    }
}
