package io.arcnode.edp.pipeline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.arcnode.edp.pipeline.api.S3Settings;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The reasons of the answers a local S3 server does not give (refused credentials, 403, wrong region, timeouts),
 * built as the SDK's own exceptions; the S3 integration test covers the rest against a real server. No request is
 * made: building a store opens no connection. In the bundle's package for {@code describe}; here rather than in the
 * bundle because the SDK needs SLF4J, which the bundle does not import.
 */
class S3ArtifactStoreReasonsTest {

    private final S3ArtifactStore local = new S3ArtifactStore(S3Settings.forEndpoint("http://127.0.0.1:9")
            .withRegion("us-east-1").withCredentials("AKIAEXAMPLE", "not-a-secret"));
    private final S3ArtifactStore aws = new S3ArtifactStore(S3Settings.forEndpoint(null).withRegion("eu-west-1"));

    @AfterEach
    void close() {
        local.close();
        aws.close();
    }

    private static S3Exception answer(int status, String code, String message) {
        return (S3Exception) S3Exception.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    @Test
    void serviceAnswers() {
        assertEquals("bucket 'arcnode-artifacts' does not exist at AWS S3 (eu-west-1)",
                aws.describe(answer(404, "NoSuchBucket", "The specified bucket does not exist")));
        assertEquals("credentials refused by http://127.0.0.1:9 (HTTP 403 InvalidAccessKeyId): check AWS_ACCESS_KEY_ID"
                + " and AWS_SECRET_ACCESS_KEY", local.describe(answer(403, "InvalidAccessKeyId", "no such key id")));
        assertEquals("credentials refused by http://127.0.0.1:9 (HTTP 403 SignatureDoesNotMatch): check"
                + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY",
                local.describe(answer(403, "SignatureDoesNotMatch", "bad signature")));
        assertEquals("access denied to bucket 'arcnode-artifacts' at AWS S3 (eu-west-1) (HTTP 403 AccessDenied): check"
                + " the credentials and the bucket policy", aws.describe(answer(403, "AccessDenied", "Access Denied")));
        assertEquals("access denied to bucket 'arcnode-artifacts' at AWS S3 (eu-west-1) (HTTP 403): check the"
                + " credentials and the bucket policy", aws.describe(answer(403, null, null)));
        assertEquals("bucket 'arcnode-artifacts' is not in region eu-west-1 at AWS S3 (eu-west-1) (HTTP 301"
                + " PermanentRedirect): set the bucket's region",
                aws.describe(answer(301, "PermanentRedirect", "use the right endpoint")));
        assertEquals("http://127.0.0.1:9 answered HTTP 503 SlowDown: Please reduce your request rate.",
                local.describe(answer(503, "SlowDown", "Please reduce your request rate.\nmore")));
    }

    @Test
    void clientFailures() {
        assertEquals("connection refused by http://127.0.0.1:9", local.describe(SdkClientException.create(
                "Unable to execute HTTP request: Connection refused", new ConnectException("Connection refused"))));
        assertEquals("no connection to http://127.0.0.1:9 within 5 s", local.describe(SdkClientException.create(
                "Unable to execute HTTP request", new SocketTimeoutException("connect timed out"))));
        assertEquals("no answer from http://127.0.0.1:9 within 30 s", local.describe(SdkClientException.create(
                "Unable to execute HTTP request", new SocketTimeoutException("Read timed out"))));
        assertEquals("unknown host 's3.invalid' (http://127.0.0.1:9)", local.describe(SdkClientException.create(
                "Unable to execute HTTP request", new UnknownHostException("s3.invalid"))));
        assertEquals("no answer from http://127.0.0.1:9 within 120 s (3 attempts)",
                local.describe(ApiCallTimeoutException.create(120_000)));
        assertEquals("no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (secrets.env) or give the"
                + " AWS default credentials chain a source", aws.describe(SdkClientException.create(
                        "Unable to load credentials from any of the providers in the chain AwsCredentialsProviderChain")));
        assertEquals("S3 client error with AWS S3 (eu-west-1): something else",
                aws.describe(SdkClientException.create("something else\nat line 2")));
    }
}
