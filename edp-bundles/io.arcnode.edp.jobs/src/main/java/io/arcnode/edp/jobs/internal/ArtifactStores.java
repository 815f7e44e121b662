package io.arcnode.edp.jobs.internal;

import io.arcnode.config.api.ArcnodeConfig;
import io.arcnode.edp.assemblies.api.AssemblyFiles;
import io.arcnode.edp.pipeline.api.ArtifactStore;
import io.arcnode.edp.pipeline.api.ArtifactStoreException;
import io.arcnode.edp.pipeline.api.S3Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The artifact store of the configuration ({@code artifact_store} section): a folder when {@code local_path} is set
 * (the {@code local} and {@code demo} default; relative to the working directory, which {@code bin/arcnode} sets to
 * the data folder), otherwise S3 at {@code s3_endpoint_url} ({@code null}: the real AWS endpoint) in
 * {@code bucket}, with {@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY} from {@code secrets.env} or the
 * AWS default chain.
 */
final class ArtifactStores {

    /** A configuration the store cannot be built from; startup stops with the message. */
    static final class StoreConfigException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StoreConfigException(String message) {
            super(message);
        }
    }

    private ArtifactStores() {
    }

    static ArtifactStore fromConfig(ArcnodeConfig config) {
        Map<String, Object> s = config.section("artifact_store");
        Object localPath = s.get("local_path");
        if (localPath != null) {
            return ArtifactStore.folder(Path.of(localPath.toString()));
        }
        Object endpoint = s.get("s3_endpoint_url");
        try {
            S3Settings settings = S3Settings.forEndpoint(endpoint == null ? null : endpoint.toString())
                    .withBucket(String.valueOf(s.get("bucket")))
                    .withCredentials(config.secret("AWS_ACCESS_KEY_ID").orElse(null),
                            config.secret("AWS_SECRET_ACCESS_KEY").orElse(null));
            return ArtifactStore.s3(settings);
        } catch (IllegalArgumentException e) {
            throw new StoreConfigException("artifact_store: " + e.getMessage());
        }
    }

    /** @return {@code folder <abs path>} or {@code s3 <endpoint> bucket <b>}, for logs and health */
    static String describe(ArcnodeConfig config) {
        Map<String, Object> s = config.section("artifact_store");
        Object localPath = s.get("local_path");
        if (localPath != null) {
            return "folder " + Path.of(localPath.toString()).toAbsolutePath().normalize();
        }
        Object endpoint = s.get("s3_endpoint_url");
        return "s3 " + (endpoint == null ? "(AWS default endpoint)" : endpoint) + " bucket " + s.get("bucket");
    }

    /** The catalogue is seeded in {@code local} and {@code demo}; in {@code beta} the assemblies are put by their release. */
    static boolean seedsCatalogue(String stage) {
        return stage.equals("local") || stage.equals("demo");
    }

    /**
     * Puts every assemblies catalogue file that the store does not have yet (a file already there is left alone).
     *
     * @return the number of files written
     * @throws StoreConfigException naming the key when a write fails
     */
    static int seedCatalogue(ArtifactStore store) {
        List<String> missing = AssemblyFiles.keys().stream().filter(k -> !store.exists(k)).toList();
        if (missing.isEmpty()) {
            return 0; // a restart: nothing to generate
        }
        Map<String, byte[]> files = AssemblyFiles.all();
        for (String key : missing) {
            try {
                store.put(key, files.get(key));
            } catch (ArtifactStoreException e) {
                throw new StoreConfigException("cannot seed the assemblies catalogue: " + e.getMessage());
            }
        }
        return missing.size();
    }
}
