package io.arcnode.api.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AdapterLoopTest {

    @Test
    void startsOnceRunsScheduledStepsOnItsNamedThreadAndStopsOnce() throws Exception {
        AdapterLoop loop = new AdapterLoop("modbus-adapter_1");
        assertTrue(loop.stopped(), "not started yet");
        assertFalse(loop.schedule(() -> { }, Duration.ZERO), "nothing runs before start");
        CountDownLatch second = new CountDownLatch(1);
        AtomicReference<String> thread = new AtomicReference<>();
        assertTrue(loop.start(() -> loop.schedule(() -> {
            thread.set(Thread.currentThread().getName());
            second.countDown();
        }, Duration.ofMillis(1))));
        assertFalse(loop.start(() -> { }), "a second start does nothing");
        assertTrue(second.await(30, TimeUnit.SECONDS), "the scheduled step ran");
        assertEquals("modbus-adapter_1", thread.get());
        assertTrue(loop.stop(Duration.ofSeconds(10)));
        assertTrue(loop.stopped());
        assertFalse(loop.stop(Duration.ofSeconds(1)), "a second stop does nothing");
        assertFalse(loop.schedule(() -> { }, Duration.ZERO), "nothing runs after stop");
    }

    @Test
    void stopInterruptsTheRunningStep() throws Exception {
        AdapterLoop loop = new AdapterLoop("t");
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        loop.start(() -> {
            running.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        assertTrue(running.await(30, TimeUnit.SECONDS));
        loop.stop(Duration.ofSeconds(10));
        assertTrue(interrupted.await(30, TimeUnit.SECONDS), "the step was interrupted");
    }
}
