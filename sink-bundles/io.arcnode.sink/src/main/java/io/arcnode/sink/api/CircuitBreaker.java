package io.arcnode.sink.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The circuit breaker of spec 004 ("Circuit Breaker (External Connections)"), plain Java on an injected clock:
 * {@link State#CLOSED} lets every request through; {@value #DEFAULT_FAILURE_THRESHOLD} consecutive failures open it;
 * {@link State#OPEN} refuses requests for the cooldown (default 30 s); after it the next {@link #tryAcquire()} moves
 * it to {@link State#HALF_OPEN} and lets exactly one probe through (others are refused until that probe reports);
 * the probe's success closes it, its failure opens it again for another cooldown. Thread-safe.
 */
public final class CircuitBreaker {

    /** The spec's consecutive failures before opening. */
    public static final int DEFAULT_FAILURE_THRESHOLD = 5;
    /** The spec's pause while open. */
    public static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(30);

    /** Breaker states; {@link #ordinal()} is the value of the {@code arcnode_sink_breaker_state} gauge. */
    public enum State { CLOSED, HALF_OPEN, OPEN }

    private final Clock clock;
    private final int threshold;
    private final Duration cooldown;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Instant openedAt;
    private boolean probing;
    private long opened;

    /** A breaker with the spec's settings (5 failures, 30 s). */
    public CircuitBreaker(Clock clock) {
        this(clock, DEFAULT_FAILURE_THRESHOLD, DEFAULT_COOLDOWN);
    }

    /**
     * @param threshold consecutive failures that open the breaker, at least 1
     * @param cooldown  how long it stays open, positive
     */
    public CircuitBreaker(Clock clock, int threshold, Duration cooldown) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be >= 1: " + threshold);
        }
        if (cooldown.isNegative() || cooldown.isZero()) {
            throw new IllegalArgumentException("cooldown must be positive: " + cooldown);
        }
        this.threshold = threshold;
        this.cooldown = cooldown;
    }

    /**
     * @return whether a request may go downstream now; in {@code HALF_OPEN} only the one probe gets {@code true};
     *         a caller that got {@code true} must report {@link #onSuccess()} or {@link #onFailure()}
     *         (or {@link #release()} when it sent nothing after all)
     */
    public synchronized boolean tryAcquire() {
        switch (state) {
            case CLOSED:
                return true;
            case OPEN:
                if (remainingCooldown().isZero()) {
                    state = State.HALF_OPEN;
                    probing = true;
                    return true;
                }
                return false;
            default: // HALF_OPEN
                if (probing) {
                    return false;
                }
                probing = true;
                return true;
        }
    }

    /** A request went through: closes the breaker and resets the failure count. */
    public synchronized void onSuccess() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        probing = false;
    }

    /** A request failed: counts it; opens the breaker at the threshold, and always after a failed probe. */
    public synchronized void onFailure() {
        consecutiveFailures++;
        probing = false;
        if (state == State.HALF_OPEN || (state == State.CLOSED && consecutiveFailures >= threshold)) {
            state = State.OPEN;
            openedAt = clock.instant();
            opened++;
        } else if (state == State.OPEN) {
            openedAt = clock.instant(); // a failure reported while open (a request acquired before) restarts the pause
        }
    }

    /** The caller got a permit but sent nothing: in {@code HALF_OPEN} the next caller may probe. */
    public synchronized void release() {
        probing = false;
    }

    /** @return the state now; {@code OPEN} also after its cooldown, until the next {@link #tryAcquire()} */
    public synchronized State state() {
        return state;
    }

    /** @return how long an open breaker still refuses requests; zero when it is not open or the cooldown is over */
    public synchronized Duration remainingCooldown() {
        if (state != State.OPEN) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), openedAt.plus(cooldown));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** @return failures since the last success */
    public synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** @return how many times the breaker opened since it was made */
    public synchronized long timesOpened() {
        return opened;
    }
}
