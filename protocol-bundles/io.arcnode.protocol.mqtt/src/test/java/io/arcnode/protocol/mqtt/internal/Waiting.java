package io.arcnode.protocol.mqtt.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes (the unit-test class path has no Awaitility). */
final class Waiting {

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private Waiting() {
    }

    /** Waits for {@code condition}; fails with {@code what} and the {@code state} when it does not come. */
    static void until(String what, BooleanSupplier condition, Supplier<?> state) throws InterruptedException {
        until(what, condition, () -> { }, state);
    }

    /** Same, running {@code eachPoll} before every check (e.g. publish another tick until one gets through). */
    static void until(String what, BooleanSupplier condition, Runnable eachPoll, Supplier<?> state)
            throws InterruptedException {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            eachPoll.run();
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() - end > 0) {
                fail("expected " + what + " within " + TIMEOUT.toSeconds() + " s, state: " + state.get());
            }
            TimeUnit.MILLISECONDS.sleep(25);
        }
    }
}
