package io.arcnode.stream.api;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a gateway stream stage (validator, aggregator, alarms) runs in its component's own thread: the stage is
 * created ({@link KafkaClients#create}, so its clients load inside OSGi) and run; when it ends with an exception
 * (the broker went away, a fenced producer...), the failure becomes the component's problem, and the stage is
 * created again after a back-off that doubles from 1 s up to 30 s and starts over after a run that ended normally.
 * Closing the component ends the loop; a stage created while closing is closed at once.
 *
 * @since 1.4
 */
public final class StageRestarts {

    /** The first wait after a failure (ms). */
    public static final long BACKOFF_INITIAL_MS = 1000;
    /** The longest wait (ms). */
    public static final long BACKOFF_MAX_MS = 30_000;

    private static final Logger LOG = LoggerFactory.getLogger(StageRestarts.class);

    /** Waits between two attempts; {@code Thread::sleep} in a component. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private StageRestarts() {
    }

    /**
     * Runs stages until {@code closed} says so, in the calling thread.
     *
     * @param name    the stage in log lines, e.g. {@code validator}
     * @param create  makes a new stage
     * @param created told about each stage before it runs (the component keeps it to close it and for its API)
     * @param closed  whether the component is closing
     * @param problem told why the stage ended and when it restarts ({@code stage ended: ...; restarting in N ms})
     * @param sleeper waits between attempts; interrupted: the loop ends
     */
    public static <S extends Runnable & AutoCloseable> void run(String name, Supplier<S> create, Consumer<S> created,
            BooleanSupplier closed, Consumer<String> problem, Sleeper sleeper) {
        long backoff = BACKOFF_INITIAL_MS;
        while (!closed.getAsBoolean()) {
            try {
                S s = KafkaClients.create(create);
                created.accept(s);
                if (closed.getAsBoolean()) {
                    close(s);
                }
                s.run();
                backoff = BACKOFF_INITIAL_MS;
            } catch (RuntimeException e) {
                if (closed.getAsBoolean()) {
                    return;
                }
                String why = "stage ended: " + e + "; restarting in " + backoff + " ms";
                problem.accept(why);
                LOG.warn("{}: {}", name, why);
                try {
                    sleeper.sleep(backoff); // the stage's own thread: waiting for the broker to come back
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, BACKOFF_MAX_MS);
            }
        }
    }

    private static void close(AutoCloseable s) {
        try {
            s.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("closing the stage failed: " + e.getMessage(), e);
        }
    }
}
