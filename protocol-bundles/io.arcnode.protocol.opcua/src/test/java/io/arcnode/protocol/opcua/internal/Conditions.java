package io.arcnode.protocol.opcua.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls a probe until its value satisfies a condition, with a timeout; returns that value. */
final class Conditions {

    static final Duration TIMEOUT = Duration.ofSeconds(60); // generous: the build machine is shared, only a failure waits this long

    private Conditions() {
    }

    static <T> T await(String what, Supplier<T> probe, Predicate<? super T> done) throws InterruptedException {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        for (T value = probe.get();; value = probe.get()) {
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() - end > 0) {
                return fail("not " + what + " within " + TIMEOUT.toSeconds() + " s; last: " + value);
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
