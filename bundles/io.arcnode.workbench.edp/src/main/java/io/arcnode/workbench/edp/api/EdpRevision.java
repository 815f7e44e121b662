package io.arcnode.workbench.edp.api;

import io.arcnode.api.edp.ArtifactKind;
import io.arcnode.edp.pipeline.api.ArtifactPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One generated (or fetched) EDP of an order: a folder {@code r<NNN>} holding the artifact store's layout
 * {@code edp/{deployment_id}/{artifact_name}.{ext}}, the same layout the platform's artifact store has, so a package
 * fetched from the platform reads the same way.
 *
 * @param number       1, 2, ... in the order they were made
 * @param root         the {@code r<NNN>} folder
 * @param deploymentId the package's deployment id (its folder under {@code edp/})
 * @param artifacts    its files, in spec 002's artifact order (kind, then plate, then format as planned)
 */
public record EdpRevision(int number, Path root, UUID deploymentId, List<EdpArtifact> artifacts) {

    /** The file stem of each kind (and plate) as the pipeline names them, e.g. {@code plate_CL}, {@code comms}. */
    private static final Map<String, Object[]> STEMS = stems();

    /** @return the revision in {@code root}, empty when it holds no {@code edp/<uuid>/} folder */
    static Optional<EdpRevision> read(int number, Path root) {
        Path edp = root.resolve("edp");
        if (!Files.isDirectory(edp)) {
            return Optional.empty();
        }
        try (Stream<Path> ids = Files.list(edp)) {
            Optional<Path> package_ = ids.filter(Files::isDirectory).filter(p -> isUuid(p.getFileName().toString()))
                    .findFirst();
            if (package_.isEmpty()) {
                return Optional.empty();
            }
            UUID id = UUID.fromString(package_.get().getFileName().toString());
            List<EdpArtifact> artifacts = new ArrayList<>();
            try (Stream<Path> files = Files.list(package_.get())) {
                for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                    String name = f.getFileName().toString();
                    int dot = name.lastIndexOf('.');
                    Object[] kind = dot < 0 ? null : STEMS.get(name.substring(0, dot));
                    if (kind != null && Files.isRegularFile(f)) {
                        artifacts.add(new EdpArtifact((ArtifactKind) kind[0], (String) kind[1],
                                name.substring(dot + 1), f, Files.size(f)));
                    }
                }
            }
            artifacts.sort(Comparator.comparingInt((EdpArtifact a) -> a.kind().ordinal())
                    .thenComparingInt(a -> a.plateId() == null ? -1 : ArtifactPlan.PLATE_ORDER.indexOf(a.plateId()))
                    .thenComparingInt(a -> formatRank(a.format())));
            return Optional.of(new EdpRevision(number, root, id, List.copyOf(artifacts)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the EDP revision " + root + ": " + e.getMessage(), e);
        }
    }

    /** @return the revision's files of {@code kind} */
    public List<EdpArtifact> of(ArtifactKind kind) {
        return artifacts.stream().filter(a -> a.kind() == kind).toList();
    }

    /** @return the file of {@code kind} in {@code format} (the first plate's for interface plates) */
    public Optional<EdpArtifact> find(ArtifactKind kind, String format) {
        return artifacts.stream().filter(a -> a.kind() == kind && a.format().equals(format)).findFirst();
    }

    /** @return {@code r001}, {@code r002}, ... */
    public String label() {
        return root.getFileName().toString();
    }

    private static int formatRank(String format) {
        int i = List.of("json", "xlsx", "step", "glb", "dxf", "pdf").indexOf(format);
        return i < 0 ? 99 : i;
    }

    private static boolean isUuid(String s) {
        try {
            return UUID.fromString(s).toString().equals(s);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Map<String, Object[]> stems() {
        UUID any = new UUID(0, 0);
        Map<String, Object[]> out = new HashMap<>();
        for (ArtifactKind kind : ArtifactKind.values()) {
            List<String> plates = kind == ArtifactKind.INTERFACE_PLATE ? ArtifactPlan.PLATE_ORDER
                    : java.util.Collections.singletonList(null);
            for (String plate : plates) {
                String key = ArtifactPlan.key(any, kind, plate, "x");
                String stem = key.substring(key.lastIndexOf('/') + 1, key.length() - 2);
                out.put(stem, new Object[] {kind, plate});
            }
        }
        return Map.copyOf(out);
    }
}
