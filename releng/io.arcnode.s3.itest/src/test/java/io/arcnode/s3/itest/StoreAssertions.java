package io.arcnode.s3.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.arcnode.edp.pipeline.api.ArtifactStore;
import io.arcnode.edp.pipeline.api.ArtifactStoreException;
import java.io.UncheckedIOException;

final class StoreAssertions {

    private StoreAssertions() {
    }

    /**
     * {@code put}, {@code get} and {@code exists} of {@code key} each fail with an {@link ArtifactStoreException}
     * naming the key: {@code artifact store: cannot <write|read|check> '<key>': <reason>} ({@code exists} wraps it in
     * an {@link UncheckedIOException}).
     */
    static void assertEveryCallFails(ArtifactStore store, String key, String reason) {
        ArtifactStoreException put = assertThrows(ArtifactStoreException.class, () -> store.put(key, new byte[] {1}));
        assertEquals(key, put.key());
        assertEquals("artifact store: cannot write '" + key + "': " + reason, put.getMessage());
        ArtifactStoreException get = assertThrows(ArtifactStoreException.class, () -> store.get(key));
        assertEquals(key, get.key());
        assertEquals("artifact store: cannot read '" + key + "': " + reason, get.getMessage());
        UncheckedIOException exists = assertThrows(UncheckedIOException.class, () -> store.exists(key));
        ArtifactStoreException check = assertInstanceOf(ArtifactStoreException.class, exists.getCause());
        assertEquals(key, check.key());
        assertEquals("artifact store: cannot check '" + key + "': " + reason, check.getMessage());
    }
}
