package io.arcnode.edp.pipeline.api;

import io.arcnode.edp.pipeline.internal.FolderArtifactStore;
import io.arcnode.edp.pipeline.internal.KeySegment;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code arcnode-artifacts} bucket: objects by key, addressed as {@code s3://arcnode-artifacts/<key>}.
 *
 * <p>Keys (checked by every implementation with {@link #checkKey(String)}): 1 to 1024 characters, segments separated
 * by single {@code /}, each segment {@code [A-Za-z0-9_-][A-Za-z0-9._-]*}; so no absolute path, no backslash, no empty
 * segment, no {@code .} or {@code ..}, no leading dot. Refused keys throw {@link IllegalArtifactKeyException}.
 * Implementations are thread-safe.
 */
public interface ArtifactStore {

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
}
