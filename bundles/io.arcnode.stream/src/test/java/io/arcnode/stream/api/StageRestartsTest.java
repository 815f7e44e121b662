package io.arcnode.stream.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StageRestartsTest {

    /** A stage whose runs fail or end as scripted. */
    static final class Scripted implements Runnable, AutoCloseable {
        final Runnable body;
        boolean closed;

        Scripted(Runnable body) {
            this.body = body;
        }

        @Override
        public void run() {
            body.run();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void failuresRestartWithADoublingBackOffThatAGoodRunResetsUntilClosed() {
        AtomicBoolean closing = new AtomicBoolean();
        AtomicInteger runs = new AtomicInteger();
        List<Long> waits = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        // runs 1-3 fail, 4 ends normally, 5-6 fail, 7 closes the component
        StageRestarts.run("test", () -> new Scripted(() -> {
            int n = runs.incrementAndGet();
            if (n == 7) {
                closing.set(true);
                throw new IllegalStateException("closing");
            }
            if (n != 4) {
                throw new IllegalStateException("broker gone " + n);
            }
        }), s -> { }, closing::get, problems::add, waits::add);
        assertEquals(7, runs.get());
        assertEquals(List.of(1000L, 2000L, 4000L, 1000L, 2000L), waits, "doubles, starts over after a good run");
        assertEquals("stage ended: java.lang.IllegalStateException: broker gone 1; restarting in 1000 ms",
                problems.get(0));
        assertEquals(5, problems.size(), "no problem for the failure while closing");
    }

    @Test
    void theBackOffStopsAtThirtySecondsAndAnInterruptEndsTheLoop() {
        List<Long> waits = new ArrayList<>();
        StageRestarts.run("test", () -> new Scripted(() -> {
            throw new IllegalStateException("down");
        }), s -> { }, () -> false, p -> { }, ms -> {
            waits.add(ms);
            if (waits.size() == 8) {
                throw new InterruptedException();
            }
        });
        assertEquals(List.of(1000L, 2000L, 4000L, 8000L, 16_000L, 30_000L, 30_000L, 30_000L), waits);
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller (and cleared here)");
    }

    @Test
    void aStageCreatedWhileClosingIsClosedAndNotRestarted() {
        AtomicBoolean closing = new AtomicBoolean();
        List<Scripted> made = new ArrayList<>();
        StageRestarts.run("test", () -> {
            closing.set(true); // the component closes while the stage is being created
            return new Scripted(() -> {
                throw new IllegalStateException("closed under it");
            });
        }, made::add, closing::get, p -> { }, ms -> { });
        assertEquals(1, made.size());
        assertTrue(made.get(0).closed);
    }
}
