package io.arcnode.edp.pipeline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class S3SettingsTest {

    @Test
    void nullEndpointIsRealAwsWithDefaultChains() {
        S3Settings aws = S3Settings.forEndpoint(null);
        assertNull(aws.endpointUrl());
        assertEquals(ArtifactStore.BUCKET, aws.bucket());
        assertNull(aws.region());
        assertFalse(aws.hasCredentials());
        assertFalse(aws.pathStyle(), "virtual-hosted style on AWS");
        assertEquals(aws, S3Settings.forEndpoint("  "), "blank = null (an empty cfg value)");
    }

    @Test
    void anEndpointOverrideIsPathStyle() {
        S3Settings local = S3Settings.forEndpoint(" http://localhost:4566 ");
        assertEquals("http://localhost:4566", local.endpointUrl());
        assertTrue(local.pathStyle());
        assertFalse(local.withPathStyle(false).pathStyle());
        assertEquals("eu-central-1", local.withRegion("eu-central-1").region());
        assertEquals("other-bucket", local.withBucket("other-bucket").bucket());
        assertEquals(ArtifactStore.BUCKET, local.withBucket("").bucket());
    }

    @Test
    void credentialsBothOrNeither() {
        S3Settings s = S3Settings.forEndpoint(null);
        assertTrue(s.withCredentials("AKIAEXAMPLE", "secret").hasCredentials());
        assertFalse(s.withCredentials("", " ").hasCredentials(), "empty secrets.env values are absent");
        IllegalArgumentException onlyId = assertThrows(IllegalArgumentException.class,
                () -> s.withCredentials("AKIAEXAMPLE", ""));
        assertEquals("S3 settings: accessKeyId is set without secretAccessKey: set both (AWS_ACCESS_KEY_ID and"
                + " AWS_SECRET_ACCESS_KEY) or neither (AWS default credentials chain)", onlyId.getMessage());
        IllegalArgumentException onlySecret = assertThrows(IllegalArgumentException.class,
                () -> s.withCredentials(null, "secret"));
        assertTrue(onlySecret.getMessage().startsWith("S3 settings: secretAccessKey is set without accessKeyId"),
                onlySecret.getMessage());
        assertFalse(onlySecret.getMessage().contains("secret\""), "the value is never in the message");
    }

    @Test
    void toStringNeverShowsCredentials() {
        String text = S3Settings.forEndpoint("http://127.0.0.1:9090").withCredentials("AKIAEXAMPLE", "wJalrXUtnFEMI")
                .toString();
        assertEquals("S3Settings[endpointUrl=http://127.0.0.1:9090, bucket=arcnode-artifacts, region=default chain,"
                + " credentials=static, pathStyle=true]", text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:4566", "ftp://host", "http://", "http://host/?a=b", "http://u:p@host",
            "http://host/#x", "not a url"})
    void malformedEndpointsAreRefused(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> S3Settings.forEndpoint(url));
        assertTrue(e.getMessage().startsWith("S3 settings: endpointUrl '" + url + "'"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "Upper-Case", "-lead", "trail-", "under_score", "a/b"})
    void malformedBucketsAreRefused(String bucket) {
        assertThrows(IllegalArgumentException.class, () -> S3Settings.forEndpoint(null).withBucket(bucket));
    }

    @ParameterizedTest
    @ValueSource(strings = {"US-EAST-1", "us east 1", "us--east", "-us"})
    void malformedRegionsAreRefused(String region) {
        assertThrows(IllegalArgumentException.class, () -> S3Settings.forEndpoint(null).withRegion(region));
    }
}
