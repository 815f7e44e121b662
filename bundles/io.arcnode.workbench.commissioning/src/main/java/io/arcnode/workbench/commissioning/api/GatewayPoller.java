package io.arcnode.workbench.commissioning.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Polls a gateway's live data on a thread of its own (never the UI thread): every period, {@code /measurements} and
 * the alarms, each result handed to the listener on the poller thread (the UI moves it to its own thread). With a
 * fixed delay between polls, a slow gateway never gets requests piled up; one that does not answer gives an
 * offline {@link Poll} after the client's timeout.
 */
public final class GatewayPoller implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(GatewayPoller.class.getName());

    /**
     * One poll's outcome.
     *
     * @param at          when the poll finished (workbench clock)
     * @param live        the adapters and last values; {@code null} when {@code error} says why not
     * @param alarms      the alarms; {@code null} when the gateway gave none ({@code alarmsError})
     * @param error       why there is no live data (offline: {@link GatewayException#offline()}); {@code null} if ok
     * @param alarmsError why there are no alarms (e.g. 503 while the alarms stage starts); {@code null} if ok
     */
    public record Poll(Instant at, LiveSnapshot live, List<GatewayAlarm> alarms, GatewayException error,
                       GatewayException alarmsError) {

        /** @return whether the gateway answered */
        public boolean online() {
            return error == null || !error.offline();
        }
    }

    private final GatewayClient client;
    private final Consumer<Poll> listener;
    private final ScheduledExecutorService thread;
    private ScheduledFuture<?> task;

    /**
     * @param client   the gateway
     * @param listener gets every poll, on the poller thread
     */
    public GatewayPoller(GatewayClient client, Consumer<Poll> listener) {
        this.client = client;
        this.listener = listener;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "arcnode-gateway-poller " + client.connection().name());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts polling now and then every {@code period} after each poll ended; a running schedule is replaced. */
    public synchronized void start(Duration period) {
        if (task != null) {
            task.cancel(false);
        }
        task = thread.scheduleWithFixedDelay(this::pollSafely, 0, Math.max(period.toMillis(), 100),
                TimeUnit.MILLISECONDS);
    }

    /** Polls once as soon as the poller thread is free (after an apply or an alarm action). */
    public void pollNow() {
        thread.execute(this::pollSafely);
    }

    /** @return one poll, made on the calling thread */
    public Poll poll() {
        LiveSnapshot live = null;
        GatewayException error = null;
        try {
            live = client.measurements();
        } catch (GatewayException e) {
            error = e;
        }
        List<GatewayAlarm> alarms = null;
        GatewayException alarmsError = null;
        if (error != null && error.offline()) {
            alarmsError = error;
        } else {
            try {
                alarms = client.alarms();
            } catch (GatewayException e) {
                alarmsError = e;
            }
        }
        return new Poll(Instant.now(), live, alarms, error, alarmsError);
    }

    private void pollSafely() {
        Poll p = poll();
        try {
            listener.accept(p);
        } catch (RuntimeException e) {
            // the listener's own failure must not end the schedule (ScheduledExecutorService would stop silently)
            LOG.log(System.Logger.Level.ERROR, "gateway poller of " + client.connection().name()
                    + ": the listener failed", e);
        }
    }

    /** Stops polling; the thread ends. */
    @Override
    public synchronized void close() {
        if (task != null) {
            task.cancel(false);
        }
        thread.shutdownNow();
    }
}
