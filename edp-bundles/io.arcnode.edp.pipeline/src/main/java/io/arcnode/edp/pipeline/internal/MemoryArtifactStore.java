package io.arcnode.edp.pipeline.internal;

import io.arcnode.edp.pipeline.api.ArtifactStore;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ArtifactStore} in memory: the bundled assemblies catalogue for offline generation, and tests. */
public class MemoryArtifactStore implements ArtifactStore {

    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();

    public MemoryArtifactStore(Map<String, byte[]> initial) {
        initial.forEach((k, v) -> objects.put(ArtifactStore.checkKey(k), v.clone()));
    }

    @Override
    public void put(String key, byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        objects.put(ArtifactStore.checkKey(key), bytes.clone());
    }

    @Override
    public Optional<byte[]> get(String key) {
        byte[] b = objects.get(ArtifactStore.checkKey(key));
        return b == null ? Optional.empty() : Optional.of(b.clone());
    }

    @Override
    public boolean exists(String key) {
        return objects.containsKey(ArtifactStore.checkKey(key));
    }
}
