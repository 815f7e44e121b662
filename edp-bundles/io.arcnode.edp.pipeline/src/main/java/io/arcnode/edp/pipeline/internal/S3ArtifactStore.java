package io.arcnode.edp.pipeline.internal;

import io.arcnode.edp.pipeline.api.ArtifactStore;
import io.arcnode.edp.pipeline.api.ArtifactStoreException;
import io.arcnode.edp.pipeline.api.S3Settings;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@link ArtifactStore} in an S3 bucket through the AWS SDK v2 with the URLConnection HTTP client (set explicitly: no
 * ServiceLoader discovery of HTTP clients, which does not work inside OSGi). Object {@code <key>} is S3 object
 * {@code <key>} of the settings' bucket; keys are checked with {@link ArtifactStore#checkKey(String)} before any
 * request. Every SDK failure becomes an {@link ArtifactStoreException} naming the key, with a reason a person can act
 * on. Thread-safe (the SDK client is); {@link #close()} releases the client.
 */
public final class S3ArtifactStore implements ArtifactStore {

    /** TCP connect timeout of one attempt. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Longest silence on an open connection within one attempt. */
    public static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);
    /** Attempts per call (the first one and two retries, SDK standard back-off). */
    public static final int MAX_ATTEMPTS = 3;
    /** Upper bound of one call, all attempts and back-off included. */
    public static final Duration CALL_TIMEOUT = Duration.ofMinutes(2);
    /** Region with an endpoint override when none is given and the AWS default chain finds none. */
    public static final String FALLBACK_REGION = "us-east-1";

    private final S3Settings settings;
    private final String region;
    private final String where;
    private final SdkHttpClient http;
    private final S3Client s3;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @throws IllegalArgumentException when no region is given, there is no endpoint override and the AWS default
     *                                  region provider chain finds none
     */
    public S3ArtifactStore(S3Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.region = resolveRegion(settings);
        this.where = settings.endpointUrl() != null ? settings.endpointUrl() : "AWS S3 (" + region + ")";
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT)
                .build();
        try {
            S3ClientBuilder builder = S3Client.builder()
                    .httpClient(http)
                    .region(Region.of(region))
                    .forcePathStyle(settings.pathStyle())
                    // HttpURLConnection turns a request refused at "100 Continue" into a ProtocolException and
                    // drops the S3 error code (NoSuchBucket, AccessDenied): send the body at once
                    .serviceConfiguration(c -> c.expectContinueEnabled(false))
                    .overrideConfiguration(o -> o
                            .retryStrategy(r -> r.maxAttempts(MAX_ATTEMPTS))
                            .apiCallTimeout(CALL_TIMEOUT));
            if (settings.hasCredentials()) {
                builder.credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey())));
            } else if (settings.endpointUrl() != null) {
                // an S3-compatible server: system properties and environment only, no instance metadata probe
                builder.credentialsProvider(AwsCredentialsProviderChain.of(SystemPropertyCredentialsProvider.create(),
                        EnvironmentVariableCredentialsProvider.create()));
            } // else the SDK's default credentials chain, owned and closed by the client
            if (settings.endpointUrl() != null) {
                builder.endpointOverride(URI.create(settings.endpointUrl()));
            }
            this.s3 = builder.build();
        } catch (RuntimeException e) {
            http.close();
            throw e;
        }
    }

    private static String resolveRegion(S3Settings settings) {
        if (settings.region() != null) {
            return settings.region();
        }
        if (settings.endpointUrl() != null) {
            // an S3-compatible server: only the explicit settings count, never the instance metadata service the
            // full chain would ask (it is not there, and a laptop or site gateway must not probe for it)
            for (String v : new String[] {System.getProperty("aws.region"), System.getenv("AWS_REGION"),
                    System.getenv("AWS_DEFAULT_REGION")}) {
                if (v != null && !v.isBlank()) {
                    return v.strip();
                }
            }
            return FALLBACK_REGION; // S3-compatible servers accept any region in the signature
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion().id();
        } catch (SdkException e) {
            throw new IllegalArgumentException("S3 settings: no region given and the AWS default region provider chain"
                    + " found none (set aws.region, AWS_REGION or region in ~/.aws/config)", e);
        }
    }

    /** @return the settings this store was made with */
    public S3Settings settings() {
        return settings;
    }

    /** @return the region requests are signed for */
    public String region() {
        return region;
    }

    @Override
    public void put(String key, byte[] bytes) throws ArtifactStoreException {
        ArtifactStore.checkKey(key);
        Objects.requireNonNull(bytes, "bytes");
        ensureOpen();
        PutObjectRequest request = PutObjectRequest.builder()
                .bucket(settings.bucket())
                .key(key)
                .contentLength((long) bytes.length)
                .contentType(ArtifactStore.contentType(key))
                .build();
        try {
            s3.putObject(request, RequestBody.fromBytes(bytes)); // copies the bytes: later changes are not written
        } catch (SdkException e) {
            throw failure(key, "write", e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) throws ArtifactStoreException {
        ArtifactStore.checkKey(key);
        ensureOpen();
        GetObjectRequest request = GetObjectRequest.builder().bucket(settings.bucket()).key(key).build();
        try {
            return Optional.of(s3.getObjectAsBytes(request).asByteArrayUnsafe());
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw failure(key, "read", e);
            }
            if (objectMissing(e, true)) {
                return Optional.empty();
            }
            throw new ArtifactStoreException(key, "read", bucketMissingReason(), e);
        } catch (SdkException e) {
            throw failure(key, "read", e);
        }
    }

    @Override
    public boolean exists(String key) {
        ArtifactStore.checkKey(key);
        ensureOpen();
        HeadObjectRequest request = HeadObjectRequest.builder().bucket(settings.bucket()).key(key).build();
        try {
            s3.headObject(request);
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw new UncheckedIOException(failure(key, "check", e));
            }
            if (objectMissing(e, false)) {
                return false;
            }
            throw new UncheckedIOException(new ArtifactStoreException(key, "check", bucketMissingReason(), e));
        } catch (SdkException e) {
            throw new UncheckedIOException(failure(key, "check", e));
        }
    }

    /** @return {@code s3://<bucket>/<key>} */
    @Override
    public String url(String key) {
        return "s3://" + settings.bucket() + "/" + ArtifactStore.checkKey(key);
    }

    /**
     * Whether a 404 on an object means the object is missing rather than the bucket. A GET answer's error code tells;
     * a HEAD answer has no body (whatever code the SDK puts on it), so then the bucket is asked.
     */
    private boolean objectMissing(S3Exception notFound, boolean codeFromBody) {
        String code = codeFromBody ? errorCode(notFound) : null;
        if ("NoSuchKey".equals(code)) {
            return true;
        }
        return !"NoSuchBucket".equals(code) && !bucketMissing();
    }

    /** Asked only after a 404 on an object; any answer but "no such bucket" leaves the object's 404 standing. */
    private boolean bucketMissing() {
        try {
            s3.headBucket(b -> b.bucket(settings.bucket()));
            return false;
        } catch (NoSuchBucketException e) {
            return true;
        } catch (S3Exception e) {
            return e.statusCode() == 404;
        } catch (SdkException e) {
            return false;
        }
    }

    private String bucketMissingReason() {
        return "bucket '" + settings.bucket() + "' does not exist at " + where;
    }

    private ArtifactStoreException failure(String key, String action, SdkException e) {
        return new ArtifactStoreException(key, action, describe(e), e);
    }

    /** The reason of an SDK failure in words a person can act on; never contains a credential. */
    String describe(SdkException e) {
        if (e instanceof ApiCallTimeoutException) {
            return "no answer from " + where + " within " + CALL_TIMEOUT.toSeconds() + " s (" + MAX_ATTEMPTS
                    + " attempts)";
        }
        if (e instanceof AwsServiceException service) {
            return describeAnswer(service);
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (t instanceof ConnectException) {
                return m.toLowerCase(Locale.ROOT).contains("refused")
                        ? "connection refused by " + where
                        : "cannot connect to " + where + ": " + m;
            }
            if (t instanceof SocketTimeoutException) {
                return m.contains("connect")
                        ? "no connection to " + where + " within " + CONNECT_TIMEOUT.toSeconds() + " s"
                        : "no answer from " + where + " within " + SOCKET_TIMEOUT.toSeconds() + " s";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host '" + m + "' (" + where + ")";
            }
            if (t instanceof SSLException) {
                return "TLS with " + where + " failed: " + m;
            }
        }
        String m = firstLine(e.getMessage());
        if (m.startsWith("Unable to load credentials")) {
            return "no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (secrets.env) or give the AWS"
                    + " default credentials chain a source";
        }
        return "S3 client error with " + where + ": " + m;
    }

    private String describeAnswer(AwsServiceException e) {
        int status = e.statusCode();
        String code = errorCode(e);
        String answer = "HTTP " + status + (code == null ? "" : " " + code);
        if ("NoSuchBucket".equals(code)) {
            return bucketMissingReason();
        }
        if ("InvalidAccessKeyId".equals(code) || "SignatureDoesNotMatch".equals(code)) {
            return "credentials refused by " + where + " (" + answer
                    + "): check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY";
        }
        if (status == 403) {
            return "access denied to bucket '" + settings.bucket() + "' at " + where + " (" + answer
                    + "): check the credentials and the bucket policy";
        }
        if (status == 301 || "PermanentRedirect".equals(code) || "AuthorizationHeaderMalformed".equals(code)) {
            return "bucket '" + settings.bucket() + "' is not in region " + region + " at " + where + " (" + answer
                    + "): set the bucket's region";
        }
        String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        return where + " answered " + answer + (message == null ? "" : ": " + firstLine(message));
    }

    private static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException(this + " is closed");
        }
    }

    /** Closes the SDK client and its HTTP client; later calls throw {@link IllegalStateException}. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                s3.close();
            } finally {
                http.close();
            }
        }
    }

    @Override
    public String toString() {
        return "S3ArtifactStore[" + where + ", bucket " + settings.bucket() + "]";
    }
}
