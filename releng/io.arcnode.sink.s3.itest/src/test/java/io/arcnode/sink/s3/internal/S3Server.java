package io.arcnode.sink.s3.internal;

import com.adobe.testing.s3mock.S3MockApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** A real S3 server (S3Mock, Spring Boot) in this JVM on 127.0.0.1:{@code port}, bucket {@value #BUCKET}. */
final class S3Server implements AutoCloseable {

    static final String BUCKET = "arcnode-telemetry";
    /** Accepted by S3Mock, which does not check signatures; never real credentials. */
    static final String ACCESS_KEY_ID = "itest-access-key";
    static final String SECRET_ACCESS_KEY = "itest-secret-key";

    private final S3MockApplication app;
    private final int port;

    private S3Server(S3MockApplication app, int port) {
        this.app = app;
        this.port = port;
    }

    /** In this JVM although S3Mock deprecates that: no Docker here. */
    @SuppressWarnings("deprecation")
    static S3Server start(Path root, int port) {
        return new S3Server(S3MockApplication.start(
                "--" + S3MockApplication.PROP_HTTP_PORT + "=" + port,
                "--" + S3MockApplication.PROP_HTTPS_PORT + "=" + S3MockApplication.RANDOM_PORT,
                "--server.address=127.0.0.1",
                "--spring.main.sources=" + LoopbackConnectors.class.getName(),
                "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET,
                "--com.adobe.testing.s3mock.store.root=" + root,
                "--com.adobe.testing.s3mock.store.retain-files-on-exit=false",
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off"), port);
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** @return a client of this server (the test reads the objects back through it) */
    S3Client client() {
        return S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                .forcePathStyle(true).endpointOverride(URI.create(endpoint()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)))
                .build();
    }

    @Override
    @SuppressWarnings("deprecation")
    public void close() {
        app.stop();
    }
}
