package io.arcnode.workbench.edp.api;

import java.io.IOException;

/** A package could not be fetched from the platform: no answer ({@link #offline()}) or an artifact refused. */
public final class PlatformFetchException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status  the HTTP status of the refused artifact, 0 when the platform gave no answer
     * @param message what happened, naming the artifact or the platform
     * @param cause   the network failure, or null
     */
    public PlatformFetchException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** @return the HTTP status; 0 when there was no answer */
    public int status() {
        return status;
    }

    /** @return whether the platform could not be reached */
    public boolean offline() {
        return status == 0;
    }
}
