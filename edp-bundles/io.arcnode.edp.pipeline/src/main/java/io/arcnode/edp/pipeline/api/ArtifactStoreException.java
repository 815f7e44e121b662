package io.arcnode.edp.pipeline.api;

import java.io.IOException;
import java.util.Objects;

/** An artifact store operation failed; names the key (the job's {@code error} uses the message). */
public class ArtifactStoreException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * @param key    the key of the failed operation
     * @param action what was attempted, e.g. {@code write}
     * @param cause  the underlying failure
     */
    public ArtifactStoreException(String key, String action, Throwable cause) {
        super("artifact store: cannot " + action + " '" + Objects.requireNonNull(key, "key") + "': "
                + (cause == null ? "unknown error" : describe(cause)), cause);
        this.key = key;
    }

    /**
     * @param key    the key of the failed operation
     * @param action what was attempted, e.g. {@code write}
     * @param reason what went wrong, in words a person can act on (e.g. {@code bucket 'x' does not exist at ...})
     * @param cause  the underlying failure
     * @since 1.1
     */
    public ArtifactStoreException(String key, String action, String reason, Throwable cause) {
        super("artifact store: cannot " + action + " '" + Objects.requireNonNull(key, "key") + "': "
                + Objects.requireNonNull(reason, "reason"), cause);
        this.key = key;
    }

    /** @return the key of the failed operation */
    public String key() {
        return key;
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
