package io.arcnode.edp.pipeline.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * Where {@link ArtifactStore#s3(S3Settings)} writes: immutable and validated on construction. Blank strings count as
 * absent ({@code null}), so an empty {@code AWS_ACCESS_KEY_ID=} line of {@code secrets.env} means "not set".
 *
 * @param endpointUrl     S3 endpoint override ({@code http(s)://host[:port]}, e.g. LocalStack); {@code null} = real
 *                        AWS (spec 002 {@code s3_endpoint_url})
 * @param bucket          the bucket; {@code null} = {@value ArtifactStore#BUCKET}
 * @param region          AWS region; {@code null} = the AWS default region provider chain ({@code aws.region},
 *                        {@code AWS_REGION}, {@code ~/.aws/config}, instance metadata); with an endpoint override and
 *                        no region found there, {@code us-east-1}
 * @param accessKeyId     with {@code secretAccessKey}; both {@code null} = the AWS default credentials chain
 * @param secretAccessKey with {@code accessKeyId}; never printed by {@link #toString()}
 * @param pathStyle       path-style addressing ({@code http://host/bucket/key}); what S3-compatible servers need
 */
public record S3Settings(String endpointUrl, String bucket, String region, String accessKeyId,
        String secretAccessKey, boolean pathStyle) {

    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern REGION_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /**
     * @throws IllegalArgumentException for a malformed endpoint URL, bucket or region name, or only one of the two
     *                                  credentials
     */
    public S3Settings {
        endpointUrl = blankToNull(endpointUrl);
        bucket = blankToNull(bucket) == null ? ArtifactStore.BUCKET : bucket.strip();
        region = blankToNull(region);
        accessKeyId = blankToNull(accessKeyId);
        secretAccessKey = blankToNull(secretAccessKey);
        if (endpointUrl != null) {
            checkEndpoint(endpointUrl);
        }
        if (!BUCKET_NAME.matcher(bucket).matches()) {
            throw new IllegalArgumentException("S3 settings: bucket '" + bucket
                    + "' is not a valid bucket name (3 to 63 of a-z 0-9 . -)");
        }
        if (region != null && !REGION_NAME.matcher(region).matches()) {
            throw new IllegalArgumentException("S3 settings: region '" + region + "' is not a region name like us-east-1");
        }
        if ((accessKeyId == null) != (secretAccessKey == null)) {
            throw new IllegalArgumentException("S3 settings: " + (accessKeyId == null ? "secretAccessKey" : "accessKeyId")
                    + " is set without " + (accessKeyId == null ? "accessKeyId" : "secretAccessKey")
                    + ": set both (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY) or neither (AWS default credentials chain)");
        }
    }

    /**
     * The settings of spec 002's {@code s3_endpoint_url}: real AWS when {@code null}, else that endpoint with
     * path-style addressing; default bucket, region and credentials chains.
     */
    public static S3Settings forEndpoint(String endpointUrl) {
        String url = blankToNull(endpointUrl);
        return new S3Settings(url, null, null, null, null, url != null);
    }

    /** @return a copy with this bucket ({@code null} = {@value ArtifactStore#BUCKET}) */
    public S3Settings withBucket(String newBucket) {
        return new S3Settings(endpointUrl, newBucket, region, accessKeyId, secretAccessKey, pathStyle);
    }

    /** @return a copy with this region ({@code null} = the AWS default region provider chain) */
    public S3Settings withRegion(String newRegion) {
        return new S3Settings(endpointUrl, bucket, newRegion, accessKeyId, secretAccessKey, pathStyle);
    }

    /** @return a copy with these static credentials (both {@code null} = the AWS default credentials chain) */
    public S3Settings withCredentials(String newAccessKeyId, String newSecretAccessKey) {
        return new S3Settings(endpointUrl, bucket, region, newAccessKeyId, newSecretAccessKey, pathStyle);
    }

    /** @return a copy with this addressing style */
    public S3Settings withPathStyle(boolean newPathStyle) {
        return new S3Settings(endpointUrl, bucket, region, accessKeyId, secretAccessKey, newPathStyle);
    }

    /** @return whether static credentials are set (else the AWS default credentials chain is used) */
    public boolean hasCredentials() {
        return accessKeyId != null;
    }

    /** Names whether credentials are set, never their values. */
    @Override
    public String toString() {
        return "S3Settings[endpointUrl=" + (endpointUrl == null ? "AWS" : endpointUrl) + ", bucket=" + bucket
                + ", region=" + (region == null ? "default chain" : region) + ", credentials="
                + (hasCredentials() ? "static" : "default chain") + ", pathStyle=" + pathStyle + "]";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void checkEndpoint(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("S3 settings: endpointUrl '" + url + "' is not a URL: " + e.getReason());
        }
        if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("S3 settings: endpointUrl '" + url
                    + "' must be http(s)://host[:port] (no user, query or fragment)");
        }
    }
}
