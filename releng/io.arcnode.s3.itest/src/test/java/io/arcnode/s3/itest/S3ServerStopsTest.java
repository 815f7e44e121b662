package io.arcnode.s3.itest;

import static io.arcnode.s3.itest.StoreAssertions.assertEveryCallFails;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.arcnode.edp.pipeline.api.ArtifactStore;
import io.arcnode.edp.pipeline.api.S3Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3 server goes away while a store is in use (its pooled keep-alive connection dies with it): the next calls fail
 * with an {@code ArtifactStoreException} naming the key, they do not hang. The {@link Timeout} only guards a hang.
 */
@Timeout(120)
class S3ServerStopsTest {

    @Test
    void callsAfterTheServerStoppedFailNamingTheKey(@TempDir Path root) throws Exception {
        String key = "edp/5b7e0a1c-2d3f-4e5a-8b9c-0d1e2f3a4b5c/bom.json";
        S3Mock server = S3Mock.start(root);
        String endpoint = server.endpoint();
        try (ArtifactStore store = ArtifactStore.s3(S3Settings.forEndpoint(endpoint)
                .withCredentials(S3Mock.ACCESS_KEY_ID, S3Mock.SECRET_ACCESS_KEY).withRegion("eu-west-1"))) {
            try {
                store.put(key, "{}".getBytes(StandardCharsets.UTF_8));
                assertArrayEquals("{}".getBytes(StandardCharsets.UTF_8), store.get(key).orElseThrow());
            } finally {
                server.close();
            }
            assertEveryCallFails(store, key, "connection refused by " + endpoint);
        }
    }
}
