package io.arcnode.edp.pipeline.api;

/**
 * A key was refused by {@link ArtifactStore#checkKey(String)}: it could escape the store root or is not a key this
 * store writes. A caller error (or an attack through the HTTP API), not an I/O failure.
 */
public class IllegalArtifactKeyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public IllegalArtifactKeyException(String key, String reason) {
        super("refused artifact key '" + key + "': " + reason);
        this.key = key;
    }

    /** @return the refused key as given (may be {@code null}) */
    public String key() {
        return key;
    }
}
