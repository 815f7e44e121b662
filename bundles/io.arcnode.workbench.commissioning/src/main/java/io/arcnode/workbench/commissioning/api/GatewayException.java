package io.arcnode.workbench.commissioning.api;

/**
 * A gateway request that did not give what was asked: either the gateway could not be reached or did not answer in
 * time ({@link #offline()}), or it answered with an error; {@link #getMessage()} is then the server's own message
 * (its {@code error} and one line per violation).
 */
public final class GatewayException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status  the HTTP status, 0 when the gateway gave no answer
     * @param message what the gateway said, or why it could not be reached
     */
    public GatewayException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** @return the HTTP status; 0 when there was no answer */
    public int status() {
        return status;
    }

    /** @return whether the gateway gave no answer at all (no network, refused, timeout) */
    public boolean offline() {
        return status == 0;
    }
}
