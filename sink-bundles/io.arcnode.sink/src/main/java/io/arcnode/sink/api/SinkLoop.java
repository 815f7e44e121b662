package io.arcnode.sink.api;

import io.arcnode.api.health.ComponentHealth;
import io.arcnode.api.health.HealthContributor;
import io.arcnode.api.health.HealthStatus;
import io.arcnode.sink.internal.SinkMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sink: a consumer group on its topics that writes each poll's records to its {@link SinkWriter} and commits
 * the offsets only after the write succeeded (spec 004). In its own thread ({@link #start()}, {@link #close()}).
 *
 * <ul>
 *   <li><b>Bounded:</b> one poll is one batch, at most {@code max.poll.records} ({@link #consumerConfig}); while a
 *       batch is retried nothing more is read, so the sink holds at most one batch in memory.</li>
 *   <li><b>Failure:</b> a {@linkplain SinkException#retryable retryable} failure counts on the
 *       {@link CircuitBreaker}; the loop seeks back to the batch's first offsets (= the committed ones) and reads
 *       the same records again after {@value #RETRY_BACKOFF_MS} ms, or, once the breaker is open, after its
 *       cooldown (the half-open probe is the next batch). Meanwhile the consumer stays in its group (paused polls),
 *       the stream keeps the records and the lag grows.</li>
 *   <li><b>Poison:</b> a record the decoder rejects, or one the writer refuses
 *       {@linkplain SinkException#permanent permanently} (the batch is then written one record at a time to find
 *       it), goes to the {@link DeadLetters} with the reason before its offset is committed.</li>
 *   <li><b>Crash:</b> an exception from the stream (broker away) ends the attempt; consumer and writer are closed
 *       and made again after a backoff (1 s doubling to 30 s), resuming from the committed offsets.</li>
 *   <li><b>Lag:</b> records behind = end offsets - committed offsets over the assigned partitions, refreshed at
 *       most once a second and after each commit; {@code -1} until known. On a topic written in producer
 *       transactions the offsets past the commit markers are committed after an empty poll, so the lag reaches 0.</li>
 * </ul>
 *
 * <p>Health: non-critical component {@code sink_<name>}, {@code DEGRADED} while starting, restarting or while the
 * breaker is not closed. Metrics (label {@code sink}): {@code arcnode_sink_records_in_total},
 * {@code arcnode_sink_records_out_total}, {@code arcnode_sink_dead_letters_total}, {@code arcnode_sink_errors_total},
 * {@code arcnode_sink_lag_records}, {@code arcnode_sink_breaker_state} (0 closed, 1 half-open, 2 open),
 * {@code arcnode_sink_write_seconds} (histogram).
 *
 * @param <T> the decoded record
 */
public final class SinkLoop<T> implements HealthContributor, AutoCloseable {

    /** Wait before writing a failed batch again while the breaker is still closed. */
    public static final long RETRY_BACKOFF_MS = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(SinkLoop.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration IDLE_MAX = Duration.ofSeconds(1);
    private static final Duration LAG_INTERVAL = Duration.ofSeconds(1);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(5);
    private static final long RESTART_INITIAL_MS = 1000;
    private static final long RESTART_MAX_MS = 30_000;

    private final String name;
    private final Supplier<Consumer<String, byte[]>> consumers;
    private final List<String> topics;
    private final Function<ConsumerRecord<String, byte[]>, T> decoder;
    private final Supplier<SinkWriter<T>> writers;
    private final DeadLetters deadLetters;
    private final CircuitBreaker breaker;
    private final SinkMetrics metrics;
    private final Object monitor = new Object();

    private final AtomicLong recordsIn = new AtomicLong();
    private final AtomicLong recordsOut = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private volatile long lag = -1;
    private volatile String lastError;
    private volatile String problem = "starting";
    private volatile boolean running;
    private volatile boolean closed;
    private volatile Consumer<String, byte[]> consumer;
    private long lagAtNanos;
    private boolean lagEver;
    private long markersAtNanos;
    private boolean markersEver;
    private Thread thread;

    /**
     * @param name        the sink's name: health component {@code sink_<name>}, metrics label, thread name
     * @param consumers   makes the consumer of each attempt, configured like {@link #consumerConfig}
     * @param topics      the topics to consume
     * @param decoder     record to {@code T}; a runtime exception makes the record poison
     * @param writers     makes the writer of each attempt
     * @param deadLetters where poison records go
     * @param breaker     the sink's breaker (kept across attempts; its clock drives the cooldown)
     * @param registry    where the metrics go; {@code null}: none
     */
    public SinkLoop(String name, Supplier<Consumer<String, byte[]>> consumers, Collection<String> topics,
            Function<ConsumerRecord<String, byte[]>, T> decoder, Supplier<SinkWriter<T>> writers,
            DeadLetters deadLetters, CircuitBreaker breaker, PrometheusRegistry registry) {
        this.name = Objects.requireNonNull(name, "name");
        this.consumers = Objects.requireNonNull(consumers, "consumers");
        this.topics = List.copyOf(topics);
        if (this.topics.isEmpty()) {
            throw new IllegalArgumentException("a sink needs at least one topic");
        }
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.writers = Objects.requireNonNull(writers, "writers");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.breaker = Objects.requireNonNull(breaker, "breaker");
        this.metrics = registry == null ? null : SinkMetrics.attach(registry, this);
    }

    /**
     * The consumer settings a sink needs: group {@code group}, no auto commit, {@code read_committed} (only records
     * of committed producer transactions), from the earliest offset when the group has none, at most
     * {@code maxBatch} records per poll.
     */
    public static Map<String, Object> consumerConfig(String bootstrap, String group, int maxBatch) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, group);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxBatch);
        return c;
    }

    /** Starts the loop's thread. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("sink " + name + " already started");
        }
        thread = new Thread(this::run, "arcnode-sink-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long backoff = RESTART_INITIAL_MS;
        while (!closed) {
            try {
                attempt();
                backoff = RESTART_INITIAL_MS;
            } catch (RuntimeException e) {
                running = false;
                if (closed) {
                    return;
                }
                problem = "stream: " + e + "; restarting in " + backoff + " ms";
                LOG.warn("sink {}: {}", name, problem);
                synchronized (monitor) {
                    try {
                        monitor.wait(backoff); // woken by close()
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                backoff = Math.min(backoff * 2, RESTART_MAX_MS);
            }
        }
    }

    private void attempt() {
        Consumer<String, byte[]> c = consumers.get();
        consumer = c;
        SinkWriter<T> w = null;
        try {
            w = writers.get();
            if (closed) {
                return;
            }
            c.subscribe(topics);
            running = true;
            while (!closed) {
                Duration open = breaker.remainingCooldown();
                if (!open.isZero()) {
                    idle(c, open.compareTo(IDLE_MAX) < 0 ? open : IDLE_MAX);
                    continue;
                }
                ConsumerRecords<String, byte[]> records = c.poll(POLL);
                if (records.isEmpty()) {
                    commitPastMarkers(c);
                    refreshLag(c, false);
                    continue;
                }
                refreshLag(c, false);
                if (!breaker.tryAcquire()) {
                    rewind(c, records);
                    continue;
                }
                recordsIn.addAndGet(records.count());
                if (deliver(c, w, records)) {
                    refreshLag(c, true);
                } else {
                    rewind(c, records);
                    if (breaker.state() == CircuitBreaker.State.CLOSED) {
                        idle(c, Duration.ofMillis(RETRY_BACKOFF_MS));
                    }
                }
            }
        } catch (WakeupException e) {
            if (!closed) {
                throw e;
            }
        } finally {
            running = false;
            try {
                c.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debug("sink {}: closing the consumer: {}", name, e.toString());
            }
            if (w != null) {
                w.close();
            }
        }
    }

    /** @return whether the batch is written (or dead-lettered) and committed */
    private boolean deliver(Consumer<String, byte[]> c, SinkWriter<T> w, ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> raw = new ArrayList<>();
        List<T> decoded = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> poison = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            try {
                decoded.add(Objects.requireNonNull(decoder.apply(r), "decoder returned null"));
                raw.add(r);
            } catch (RuntimeException e) {
                poison.add(r);
                reasons.add("not decodable: " + e.getMessage());
            }
        }
        if (decoded.isEmpty()) {
            breaker.release(); // nothing went downstream
        } else {
            try {
                write(w, decoded);
            } catch (SinkException e) {
                if (!e.permanent()) {
                    failed(e);
                    return false;
                }
                for (int i = 0; i < decoded.size(); i++) { // find the records the destination refuses
                    try {
                        write(w, List.of(decoded.get(i)));
                    } catch (SinkException one) {
                        if (!one.permanent()) {
                            failed(one);
                            return false;
                        }
                        poison.add(raw.get(i));
                        reasons.add(one.getMessage());
                    }
                }
            }
        }
        for (int i = 0; i < poison.size(); i++) {
            try {
                deadLetters.send(poison.get(i), reasons.get(i));
            } catch (Exception e) {
                failed(SinkException.retryable("dead letter not stored: " + e.getMessage(), e));
                return false;
            }
        }
        if (!decoded.isEmpty()) {
            breaker.onSuccess();
        }
        recordsOut.addAndGet(records.count() - poison.size());
        deadLettered.addAndGet(poison.size());
        commit(c, records);
        return true;
    }

    private void write(SinkWriter<T> w, List<T> batch) throws SinkException {
        long t0 = System.nanoTime();
        try {
            w.write(batch);
        } catch (RuntimeException | AssertionError e) { // a writer or driver bug must not end the sink: retry, visible as errors
            throw SinkException.retryable("writer: " + e, e);
        } finally {
            if (metrics != null) {
                metrics.observeWrite(name, (System.nanoTime() - t0) / 1e9);
            }
        }
    }

    private void failed(SinkException e) {
        errors.incrementAndGet();
        CircuitBreaker.State before = breaker.state();
        breaker.onFailure();
        lastError = e.getMessage();
        CircuitBreaker.State after = breaker.state();
        if (before != after || breaker.consecutiveFailures() == 1) {
            LOG.warn("sink {}: write failed ({} consecutive), breaker {}: {}", name, breaker.consecutiveFailures(),
                    after, e.getMessage());
        }
    }

    private void commit(Consumer<String, byte[]> c, ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> part = records.records(tp);
            offsets.put(tp, new OffsetAndMetadata(part.get(part.size() - 1).offset() + 1));
        }
        try {
            c.commitSync(offsets);
            commits.incrementAndGet();
        } catch (CommitFailedException e) {
            // the partitions went to another member, which reads them again from the last commit: the writer's
            // idempotency makes that harmless
            LOG.warn("sink {}: commit after a rebalance refused, the new owner writes these records again", name);
        }
    }

    /** Puts the records back: the next poll returns them again (the batch's first offsets are the committed ones). */
    private static void rewind(Consumer<String, byte[]> c, ConsumerRecords<String, byte[]> records) {
        for (TopicPartition tp : records.partitions()) {
            c.seek(tp, records.records(tp).get(0).offset());
        }
    }

    /** Waits {@code d} without reading, staying in the group. */
    private void idle(Consumer<String, byte[]> c, Duration d) {
        Set<TopicPartition> assigned = c.assignment();
        c.pause(assigned);
        ConsumerRecords<String, byte[]> late = c.poll(d); // only partitions assigned during this poll deliver
        if (!late.isEmpty()) {
            rewind(c, late);
        }
        c.resume(c.paused());
        refreshLag(c, false);
    }

    /**
     * A topic written in producer transactions (the validator's {@code telemetry.clean}, the aggregator's topics)
     * ends each transaction with a commit marker: an offset no poll returns. Committing "last record + 1" leaves the
     * committed offset on that marker, one behind the end for good. After an empty poll every record before the
     * consumer's position has been written (each poll's batch is written, dead-lettered or rewound before the next
     * poll), so a position beyond the committed offset passed markers only: committing it lets the lag reach 0.
     * At most once per {@link #LAG_INTERVAL}.
     */
    private void commitPastMarkers(Consumer<String, byte[]> c) {
        long now = System.nanoTime(); // a rate limit, not logic: the monotonic clock
        if (markersEver && now - markersAtNanos < LAG_INTERVAL.toNanos()) {
            return;
        }
        markersAtNanos = now;
        markersEver = true;
        Set<TopicPartition> assigned = c.assignment();
        if (assigned.isEmpty()) {
            return;
        }
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = c.committed(assigned, ADMIN_TIMEOUT);
            Map<TopicPartition, OffsetAndMetadata> ahead = new HashMap<>();
            for (TopicPartition tp : assigned) {
                OffsetAndMetadata o = committed.get(tp);
                long position = c.position(tp, ADMIN_TIMEOUT);
                if (o == null || position > o.offset()) {
                    ahead.put(tp, new OffsetAndMetadata(position));
                }
            }
            if (!ahead.isEmpty()) {
                c.commitSync(ahead);
                lagEver = false; // the lag is refreshed right after
            }
        } catch (CommitFailedException | org.apache.kafka.common.errors.RebalanceInProgressException
                | org.apache.kafka.common.errors.TimeoutException e) {
            LOG.debug("sink {}: offsets past transaction markers not committed now: {}", name, e.toString());
        }
    }

    private void refreshLag(Consumer<String, byte[]> c, boolean force) {
        long now = System.nanoTime(); // a rate limit, not logic: the monotonic clock
        if (!force && lagEver && now - lagAtNanos < LAG_INTERVAL.toNanos()) {
            return;
        }
        lagAtNanos = now;
        lagEver = true;
        Set<TopicPartition> assigned = c.assignment();
        if (assigned.isEmpty()) {
            return;
        }
        try {
            Map<TopicPartition, Long> end = c.endOffsets(assigned, ADMIN_TIMEOUT);
            Map<TopicPartition, OffsetAndMetadata> committed = c.committed(assigned, ADMIN_TIMEOUT);
            Map<TopicPartition, Long> begin = null;
            long behind = 0;
            for (TopicPartition tp : assigned) {
                OffsetAndMetadata o = committed.get(tp);
                long from;
                if (o != null) {
                    from = o.offset();
                } else {
                    if (begin == null) {
                        begin = c.beginningOffsets(assigned, ADMIN_TIMEOUT);
                    }
                    from = begin.getOrDefault(tp, 0L);
                }
                behind += Math.max(0, end.getOrDefault(tp, from) - from);
            }
            lag = behind;
        } catch (KafkaException e) {
            if (e instanceof WakeupException) {
                throw e;
            }
            LOG.debug("sink {}: lag not refreshed: {}", name, e.toString());
        }
    }

    @Override
    public ComponentHealth health() {
        String component = "sink_" + name;
        if (!running) {
            return new ComponentHealth(component, HealthStatus.DEGRADED, problem, false);
        }
        CircuitBreaker.State s = breaker.state();
        String counts = "lag " + lag + " record(s), " + recordsOut.get() + " written, " + deadLettered.get()
                + " dead-lettered";
        if (s != CircuitBreaker.State.CLOSED) {
            return new ComponentHealth(component, HealthStatus.DEGRADED, "circuit breaker " + s + " after "
                    + breaker.consecutiveFailures() + " consecutive failure(s): " + lastError + "; " + counts, false);
        }
        return new ComponentHealth(component, HealthStatus.HEALTHY, counts, false);
    }

    /** Ends the loop (after the current write) and waits up to 30 s for its thread; unregisters the metrics. */
    @Override
    public void close() {
        closed = true;
        Consumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        synchronized (monitor) {
            monitor.notifyAll();
        }
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (metrics != null) {
            metrics.detach(this);
        }
    }

    /** @return the sink's name */
    public String name() {
        return name;
    }

    /** @return whether an attempt is subscribed and polling */
    public boolean running() {
        return running;
    }

    /** @return records behind (end - committed offsets, assigned partitions); {@code -1} until known */
    public long lag() {
        return lag;
    }

    /** @return records polled and handed to the writer (retries count again) */
    public long recordsIn() {
        return recordsIn.get();
    }

    /** @return records written and committed */
    public long recordsOut() {
        return recordsOut.get();
    }

    /** @return poison records sent to the dead letters */
    public long deadLettered() {
        return deadLettered.get();
    }

    /** @return failed writes (each retry of a batch counts) */
    public long errors() {
        return errors.get();
    }

    /** @return successful offset commits */
    public long commits() {
        return commits.get();
    }

    /** @return the sink's breaker */
    public CircuitBreaker breaker() {
        return breaker;
    }
}
