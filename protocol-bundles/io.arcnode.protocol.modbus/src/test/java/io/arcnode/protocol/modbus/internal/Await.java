package io.arcnode.protocol.modbus.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a timeout (Awaitility is not on the Tycho unit-test class path). */
final class Await {

    private Await() {
    }

    static void until(String what, Duration timeout, BooleanSupplier condition, Supplier<?> state)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail(what + " within " + timeout.toSeconds() + " s; state: " + state.get());
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }
}
