package io.arcnode.sink.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.sink.api.CircuitBreaker.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    /** A clock the test moves. */
    static final class SettableClock extends Clock {
        private Instant now = Instant.parse("2026-01-29T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final SettableClock clock = new SettableClock();
    private final CircuitBreaker breaker = new CircuitBreaker(clock);

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            assertTrue(breaker.tryAcquire(), "closed: request " + i + " goes through");
            breaker.onFailure();
        }
    }

    @Test
    void opensAfterFiveConsecutiveFailuresNotBefore() {
        fail(4);
        assertEquals(State.CLOSED, breaker.state());
        assertEquals(Duration.ZERO, breaker.remainingCooldown());
        fail(1);
        assertEquals(State.OPEN, breaker.state());
        assertEquals(Duration.ofSeconds(30), breaker.remainingCooldown());
        assertFalse(breaker.tryAcquire(), "open: refused");
        assertEquals(1, breaker.timesOpened());
    }

    @Test
    void aSuccessResetsTheCount() {
        fail(4);
        assertTrue(breaker.tryAcquire());
        breaker.onSuccess();
        fail(4);
        assertEquals(State.CLOSED, breaker.state(), "4 + 4 failures, not consecutive");
        assertEquals(4, breaker.consecutiveFailures());
    }

    @Test
    void afterTheCooldownOneProbeSuccessCloses() {
        fail(5);
        clock.advance(Duration.ofSeconds(29));
        assertFalse(breaker.tryAcquire(), "29 s: still open");
        assertEquals(Duration.ofSeconds(1), breaker.remainingCooldown());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(breaker.tryAcquire(), "30 s: the probe");
        assertEquals(State.HALF_OPEN, breaker.state());
        assertFalse(breaker.tryAcquire(), "one probe only");
        breaker.onSuccess();
        assertEquals(State.CLOSED, breaker.state());
        assertEquals(0, breaker.consecutiveFailures());
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void aFailedProbeOpensAgainForAFullCooldown() {
        fail(5);
        clock.advance(Duration.ofSeconds(45));
        assertTrue(breaker.tryAcquire());
        breaker.onFailure();
        assertEquals(State.OPEN, breaker.state());
        assertEquals(Duration.ofSeconds(30), breaker.remainingCooldown(), "cooldown counts from the failed probe");
        assertFalse(breaker.tryAcquire());
        assertEquals(2, breaker.timesOpened());
    }

    @Test
    void aReleasedProbeLetsTheNextCallerProbe() {
        fail(5);
        clock.advance(Duration.ofSeconds(30));
        assertTrue(breaker.tryAcquire());
        breaker.release();
        assertEquals(State.HALF_OPEN, breaker.state());
        assertTrue(breaker.tryAcquire(), "the probe was not sent: another may");
    }

    @Test
    void settingsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new CircuitBreaker(clock, 0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new CircuitBreaker(clock, 1, Duration.ZERO));
        CircuitBreaker one = new CircuitBreaker(clock, 1, Duration.ofSeconds(2));
        assertTrue(one.tryAcquire());
        one.onFailure();
        assertEquals(State.OPEN, one.state());
    }
}
