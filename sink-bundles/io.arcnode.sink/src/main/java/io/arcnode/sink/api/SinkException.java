package io.arcnode.sink.api;

/**
 * A failed downstream write. <b>Retryable</b> (the default: the destination is unreachable, a timeout, a lost
 * connection): the batch stays uncommitted and is written again through the {@link CircuitBreaker}.
 * <b>Permanent</b>: the destination answered and refuses these records as they are (a value it cannot store, a
 * constraint other than the idempotency key); writing them again would fail forever, so {@link SinkLoop} writes the
 * batch one record at a time and sends each record that still fails permanently to the {@link DeadLetters}.
 */
public final class SinkException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean permanent;

    private SinkException(String message, Throwable cause, boolean permanent) {
        super(message, cause);
        this.permanent = permanent;
    }

    /** @return a failure worth retrying (the destination may accept the same records later) */
    public static SinkException retryable(String message, Throwable cause) {
        return new SinkException(message, cause, false);
    }

    /** @return a failure of the records themselves: retrying the same records fails again */
    public static SinkException permanent(String message, Throwable cause) {
        return new SinkException(message, cause, true);
    }

    /** @return whether retrying the same records cannot succeed */
    public boolean permanent() {
        return permanent;
    }
}
