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

    /** @return the key of the failed operation */
    public String key() {
        return key;
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
