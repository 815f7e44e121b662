package io.arcnode.api.adapter;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one thread of an {@link Adapter}: polling cycles or connect attempts run on it one after the other, so a slow
 * device only delays its own adapter. {@link #start} once, {@link #schedule} the next step from a step, {@link #stop}
 * within a bound. A daemon thread named after the adapter. Thread-safe.
 */
public final class AdapterLoop {

    private final String threadName;
    private ScheduledExecutorService executor;

    /** @param threadName the thread's name, e.g. {@code modbus-adapter_modbus_001} */
    public AdapterLoop(String threadName) {
        this.threadName = Objects.requireNonNull(threadName, "threadName");
    }

    /** Starts the thread with {@code first}; @return {@code false} when it was started before (nothing happens) */
    public synchronized boolean start(Runnable first) {
        if (executor != null) {
            return false;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        executor.execute(first);
        return true;
    }

    /** Runs {@code step} after {@code delay}; @return {@code false} when the loop is not running (stopped meanwhile) */
    public synchronized boolean schedule(Runnable step, Duration delay) {
        if (stopped()) {
            return false;
        }
        try {
            executor.schedule(step, delay.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** @return whether the loop was never started or has been stopped */
    public synchronized boolean stopped() {
        return executor == null || executor.isShutdown();
    }

    /**
     * Interrupts the running step, drops the scheduled ones and waits at most {@code wait} for the thread to end.
     *
     * @return {@code false} when the loop was not running (nothing to stop)
     */
    public boolean stop(Duration wait) {
        ScheduledExecutorService e;
        synchronized (this) {
            if (stopped()) {
                return false;
            }
            e = executor;
            e.shutdownNow();
        }
        try {
            e.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
