package io.arcnode.edp.pipeline.api;

import io.arcnode.edp.pipeline.internal.FolderArtifactStore;
import io.arcnode.edp.pipeline.internal.KeySegment;
import io.arcnode.edp.pipeline.internal.S3ArtifactStore;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code arcnode-artifacts} bucket: objects by key, addressed as {@code s3://arcnode-artifacts/<key>}.
 *
 * <p>Keys (checked by every implementation with {@link #checkKey(String)}): 1 to 1024 characters, segments separated
 * by single {@code /}, each segment {@code [A-Za-z0-9_-][A-Za-z0-9._-]*}; so no absolute path, no backslash, no empty
 * segment, no {@code .} or {@code ..}, no leading dot. Refused keys throw {@link IllegalArtifactKeyException}.
 * Implementations are thread-safe. {@link #close()} releases what a store holds (the S3 client); using a store
 * after closing it is an error.
 */
public interface ArtifactStore extends AutoCloseable {

    /** The bucket. */
    String BUCKET = "arcnode-artifacts";
    /** URL prefix of every object: {@code s3://arcnode-artifacts/}. */
    String URL_PREFIX = "s3://" + BUCKET + "/";
    /** Longest key (S3's limit). */
    int MAX_KEY_LENGTH = 1024;

    /**
     * Writes an object, replacing any previous one; readers see the old or the new bytes, never a partial write.
     *
     * @throws ArtifactStoreException naming the key when the write fails
     * @throws IllegalArtifactKeyException when the key is refused
     */
    void put(String key, byte[] bytes) throws ArtifactStoreException;

    /**
     * @return the object's bytes, empty when there is none
     * @throws ArtifactStoreException naming the key when the read fails
     * @throws IllegalArtifactKeyException when the key is refused
     */
    Optional<byte[]> get(String key) throws ArtifactStoreException;

    /**
     * Unchecked so that {@code store::exists} is a {@code Predicate<String>} (the hardware selector's check).
     *
     * @return whether an object with this key exists
     * @throws UncheckedIOException wrapping an {@link ArtifactStoreException} naming the key when the store cannot
     *                              answer
     * @throws IllegalArtifactKeyException when the key is refused
     */
    boolean exists(String key);

    /** @return {@code s3://arcnode-artifacts/<key>} */
    default String url(String key) {
        return URL_PREFIX + checkKey(key);
    }

    /** Releases the store's resources; a no-op for stores that hold none. Does not throw. */
    @Override
    default void close() {
        // nothing to release
    }

    /**
     * The media type of an object, from the key's extension: {@code json} application/json, {@code xlsx}
     * application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, {@code pdf} application/pdf, {@code dxf}
     * image/vnd.dxf, {@code step} model/step, {@code glb} model/gltf-binary, {@code yaml}/{@code yml}
     * application/yaml, anything else application/octet-stream.
     *
     * @throws IllegalArtifactKeyException when the key is refused
     * @since 1.1
     */
    static String contentType(String key) {
        String name = checkKey(key).substring(key.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (ext) {
            case "json" -> "application/json";
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case "pdf" -> "application/pdf";
            case "dxf" -> "image/vnd.dxf";
            case "step" -> "model/step";
            case "glb" -> "model/gltf-binary";
            case "yaml", "yml" -> "application/yaml";
            default -> "application/octet-stream";
        };
    }

    /**
     * @return {@code key} when it is a valid key
     * @throws IllegalArtifactKeyException with the reason otherwise
     */
    static String checkKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArtifactKeyException(key, "empty");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArtifactKeyException(key.substring(0, 64) + "...", "longer than " + MAX_KEY_LENGTH);
        }
        if (key.startsWith("/")) {
            throw new IllegalArtifactKeyException(key, "absolute path");
        }
        if (key.indexOf('\\') >= 0) {
            throw new IllegalArtifactKeyException(key, "backslash");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty()) {
                throw new IllegalArtifactKeyException(key, "empty path segment");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw new IllegalArtifactKeyException(key, "'" + segment + "' segment");
            }
            if (!KeySegment.PATTERN.matcher(segment).matches()) {
                throw new IllegalArtifactKeyException(key, "segment '" + segment
                        + "' must match [A-Za-z0-9_-][A-Za-z0-9._-]*");
            }
        }
        return key;
    }

    /**
     * @return the key of an object URL {@code s3://arcnode-artifacts/<key>}
     * @throws IllegalArtifactKeyException when the URL is not in the bucket or its key is refused
     */
    static String keyOf(String url) {
        if (url == null || !url.startsWith(URL_PREFIX)) {
            throw new IllegalArtifactKeyException(url, "not a URL under " + URL_PREFIX);
        }
        return checkKey(url.substring(URL_PREFIX.length()));
    }

    /**
     * A store in a local folder with the same key layout ({@code <root>/<key>}); writes go to a temporary file in the
     * target folder and are then atomically renamed. The default in the {@code local} and {@code demo} stages.
     *
     * @param root the folder; created on the first write
     */
    static ArtifactStore folder(Path root) {
        return new FolderArtifactStore(root);
    }

    /**
     * A store in an S3 bucket (AWS or an S3-compatible endpoint), object {@code <key>} = S3 object {@code <key>} of
     * {@link S3Settings#bucket()}. Every failure (HTTP error, missing bucket, refused credentials, connection refused,
     * timeout) is an {@link ArtifactStoreException} naming the key; calls end in bounded time (connect 5 s, socket
     * 30 s, 3 attempts, 2 min per call). Close it to release its HTTP client.
     *
     * @throws IllegalArgumentException when no region is given, there is no endpoint override and the AWS default
     *                                  region provider chain finds none
     * @since 1.1
     */
    static ArtifactStore s3(S3Settings settings) {
        return new S3ArtifactStore(settings);
    }
}
