package io.arcnode.edp.jobs.internal;

import io.arcnode.edp.hardware.api.HardwareMapException;
import io.arcnode.edp.hardware.api.HardwareSelector;
import io.arcnode.edp.pipeline.api.ArtifactStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Which {@code hardware_selector_map.yaml} the platform uses: the file named by the framework property
 * {@value #PROPERTY} or the environment variable {@value #ENV} (the property wins), else the map shipped in
 * {@code io.arcnode.edp.hardware}. Either way it is validated against the artifact store at startup.
 */
final class HardwareMaps {

    static final String PROPERTY = "arcnode.hardware.map";
    static final String ENV = "ARCNODE_HARDWARE_MAP";

    private HardwareMaps() {
    }

    /** @return the configured map file (the property wins over the environment), {@code null} for the built-in one */
    static String file(String property, String env) {
        String file = property != null && !property.isBlank() ? property : env;
        return file == null || file.isBlank() ? null : file;
    }

    /**
     * @param file the map file, {@code null} for the built-in one
     * @throws HardwareMapException when the map is unreadable or broken (startup stops)
     */
    static HardwareSelector load(ArtifactStore store, String file) {
        if (file == null) {
            return HardwareSelector.load(store::exists);
        }
        byte[] yaml;
        try {
            yaml = Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            throw new HardwareMapException(file, List.of(new HardwareMapException.Problem(null,
                    "cannot read: " + e)));
        }
        return HardwareSelector.parse(file, yaml, store::exists);
    }

    /** The first problem in one line, {@code <file>: profile '<p>': <rule>}, and how many more there are. */
    static String oneLine(HardwareMapException e) {
        List<HardwareMapException.Problem> problems = e.problems();
        String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problem(s))" : "";
        return e.file() + ": " + problems.get(0) + more;
    }
}
