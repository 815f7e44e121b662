package io.arcnode.s3.itest;

import com.adobe.testing.s3mock.S3MockApplication;
import io.arcnode.edp.pipeline.api.ArtifactStore;
import java.nio.file.Path;

/** A real S3 server (S3Mock, Spring Boot) in this JVM on 127.0.0.1, ephemeral ports, bucket arcnode-artifacts. */
final class S3Mock implements AutoCloseable {

    /** Accepted by S3Mock, which does not check signatures; never real credentials. */
    static final String ACCESS_KEY_ID = "itest-access-key";
    static final String SECRET_ACCESS_KEY = "itest-secret-key";

    private final S3MockApplication app;

    private S3Mock(S3MockApplication app) {
        this.app = app;
    }

    /**
     * In this JVM although S3Mock calls that "discouraged" (deprecated): no Docker here, and a second JVM would only
     * add start-up time and a process to clean up.
     *
     * @param root where S3Mock keeps the objects (deleted on stop)
     */
    @SuppressWarnings("deprecation")
    static S3Mock start(Path root) {
        return new S3Mock(S3MockApplication.start(
                "--" + S3MockApplication.PROP_HTTP_PORT + "=" + S3MockApplication.RANDOM_PORT,
                "--" + S3MockApplication.PROP_HTTPS_PORT + "=" + S3MockApplication.RANDOM_PORT,
                "--server.address=127.0.0.1",
                "--spring.main.sources=" + LoopbackConnectors.class.getName(),
                "--com.adobe.testing.s3mock.store.initial-buckets=" + ArtifactStore.BUCKET,
                "--com.adobe.testing.s3mock.store.root=" + root,
                "--com.adobe.testing.s3mock.store.retain-files-on-exit=false",
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off"));
    }

    /** @return {@code http://127.0.0.1:<port>} */
    @SuppressWarnings("deprecation")
    String endpoint() {
        return "http://127.0.0.1:" + app.getHttpPort();
    }

    @Override
    @SuppressWarnings("deprecation")
    public void close() {
        app.stop();
    }
}
