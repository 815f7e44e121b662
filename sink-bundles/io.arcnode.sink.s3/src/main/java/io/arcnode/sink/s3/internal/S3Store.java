package io.arcnode.sink.s3.internal;

import io.arcnode.sink.api.SinkException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The bucket through the AWS SDK v2 (URLConnection HTTP client). With {@code endpoint_url} (an S3-compatible
 * server) credentials come from the settings, else from system properties and environment only (no instance
 * metadata probe); without it from the settings, else the SDK's default chain. The SDK retries a request twice;
 * the sink's breaker does the rest.
 */
final class S3Store implements ObjectStore {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final String bucket;
    private final SdkHttpClient http;
    private final S3Client s3;

    S3Store(S3SinkSettings s) {
        this.bucket = s.bucket();
        this.http = UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT).socketTimeout(SOCKET_TIMEOUT)
                .build();
        try {
            S3ClientBuilder b = S3Client.builder().httpClient(http)
                    .region(Region.of(s.region() != null ? s.region() : "us-east-1"))
                    .forcePathStyle(s.pathStyle())
                    .serviceConfiguration(c -> c.expectContinueEnabled(false))
                    .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(3)).apiCallTimeout(CALL_TIMEOUT));
            if (s.accessKeyId() != null) {
                b.credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(s.accessKeyId(), s.secretAccessKey())));
            } else if (s.endpointUrl() != null) {
                b.credentialsProvider(AwsCredentialsProviderChain.of(SystemPropertyCredentialsProvider.create(),
                        EnvironmentVariableCredentialsProvider.create()));
            }
            if (s.endpointUrl() != null) {
                b.endpointOverride(URI.create(s.endpointUrl()));
            }
            this.s3 = b.build();
        } catch (RuntimeException e) {
            http.close();
            throw e;
        }
    }

    @Override
    public void put(String key, byte[] bytes) throws SinkException {
        try {
            s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key).contentType("application/avro")
                    .contentLength((long) bytes.length).build(), RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw SinkException.retryable("s3://" + bucket + "/" + key + " not stored: " + reason(e), e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) throws SinkException {
        try {
            return Optional.of(s3.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key(key).build())
                    .asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw SinkException.retryable("s3://" + bucket + "/" + key + " not read: " + reason(e), e);
        }
    }

    private static String reason(SdkException e) {
        if (e instanceof S3Exception s && s.awsErrorDetails() != null) {
            return s.statusCode() + " " + s.awsErrorDetails().errorCode() + ": " + s.awsErrorDetails().errorMessage();
        }
        return e.getMessage();
    }

    @Override
    public void close() {
        s3.close();
        http.close();
    }
}
