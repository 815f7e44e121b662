package io.arcnode.edp.hardware.api;

import io.arcnode.api.edp.DeploymentProfile;
import io.arcnode.edp.hardware.internal.MapReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Spec 002's hardware selector: deployment profile -> module assembly URLs, from {@code hardware_selector_map.yaml}.
 * Immutable and thread-safe once loaded.
 *
 * <p>Loading validates the whole map and throws {@link HardwareMapException} naming the file and profile when
 * <ul>
 *   <li>the file is not YAML, not a mapping, or has a duplicate key;</li>
 *   <li>one of the 11 profiles is missing, or a key is not a profile;</li>
 *   <li>an entry lacks {@code compute_container}, {@code grid_container} or {@code interface_plates}, has another
 *       key, or a value of the wrong shape;</li>
 *   <li>a URL is not {@code s3://arcnode-artifacts/<key>} with a safe key (segments {@code [A-Za-z0-9_-][A-Za-z0-9._-]*})
 *       ending in the extension of its field ({@code .step}, {@code .glb}, {@code .dxf}, {@code .pdf});</li>
 *   <li>the plates are not exactly {@code CL}, {@code NW}, {@code CG} plus {@code BT} for the {@code *_dc_ext} /
 *       {@code *_dc_int} profiles (the shared plate vocabulary; the artifact list depends on it);</li>
 *   <li>a URL's key is not in the artifact store ({@code exists} answers false).</li>
 * </ul>
 */
public final class HardwareSelector {

    /** Bundle-relative path of the shipped map (folder {@code map/} at the bundle root). */
    public static final String MAP_FILE = "map/hardware_selector_map.yaml";
    /** URL prefix of every artifact store object. */
    public static final String URL_PREFIX = "s3://arcnode-artifacts/";

    private final Map<DeploymentProfile, HardwareSelection> selections;

    private HardwareSelector(Map<DeploymentProfile, HardwareSelection> selections) {
        this.selections = selections;
    }

    /**
     * Loads the map shipped in this bundle.
     *
     * @param exists answers whether the artifact store holds a key (the URL without {@value #URL_PREFIX}), e.g.
     *               {@code store::exists}; asked once per distinct URL, after every other check passed
     * @throws HardwareMapException when the map is missing or broken
     */
    public static HardwareSelector load(Predicate<String> exists) {
        try (InputStream in = HardwareSelector.class.getResourceAsStream("/" + MAP_FILE)) {
            if (in == null) {
                throw new HardwareMapException(MAP_FILE, List.of(new HardwareMapException.Problem(null,
                        "missing from the bundle (is map/ in bin.includes?)")));
            }
            return parse(MAP_FILE, in.readAllBytes(), exists);
        } catch (IOException e) {
            throw new HardwareMapException(MAP_FILE, List.of(new HardwareMapException.Problem(null,
                    "cannot read: " + e.getMessage())));
        }
    }

    /**
     * Parses and validates a map.
     *
     * @param file   the name used in error messages
     * @param yaml   the YAML text, UTF-8
     * @param exists see {@link #load(Predicate)}
     * @throws HardwareMapException listing every problem found
     */
    public static HardwareSelector parse(String file, byte[] yaml, Predicate<String> exists) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(exists, "exists");
        return new HardwareSelector(new EnumMap<>(MapReader.read(file, yaml, exists)));
    }

    /** @return the assembly URLs of {@code profile} */
    public HardwareSelection select(DeploymentProfile profile) {
        Objects.requireNonNull(profile, "profile");
        return selections.get(profile); // complete by construction: every profile was checked on load
    }

    /**
     * The shared grid-container variant rule, the assembly id the map is expected to point at: {@code dod_*} ->
     * {@code grid_container_defense}; {@code *_dc_ext}, {@code *_dc_int} -> {@code grid_container_commercial_dc};
     * {@code *_ac}, {@code *_no_bess} -> {@code grid_container_commercial_ac}.
     */
    public static String gridContainerAssembly(DeploymentProfile profile) {
        return switch (profile) {
            case DOD_NO_BESS, DOD_AC, DOD_DC_EXT -> "grid_container_defense";
            case COMMERCIAL_DC_EXT, COMMERCIAL_DC_INT, FEDERAL_DC_EXT, FEDERAL_DC_INT -> "grid_container_commercial_dc";
            case COMMERCIAL_NO_BESS, COMMERCIAL_AC, FEDERAL_NO_BESS, FEDERAL_AC -> "grid_container_commercial_ac";
        };
    }

    /** @return the plate ids a profile lists, in the fixed order CL, NW, CG, BT */
    public static List<String> plateIds(DeploymentProfile profile) {
        return switch (profile) {
            case COMMERCIAL_DC_EXT, COMMERCIAL_DC_INT, FEDERAL_DC_EXT, FEDERAL_DC_INT, DOD_DC_EXT ->
                    List.of("CL", "NW", "CG", "BT");
            case COMMERCIAL_NO_BESS, COMMERCIAL_AC, FEDERAL_NO_BESS, FEDERAL_AC, DOD_NO_BESS, DOD_AC ->
                    List.of("CL", "NW", "CG");
        };
    }
}
