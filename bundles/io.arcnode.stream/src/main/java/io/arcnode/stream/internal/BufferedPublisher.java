package io.arcnode.stream.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import io.arcnode.api.telemetry.Measurement;
import io.arcnode.stream.api.MeasurementPublisher;
import io.arcnode.stream.api.ProducerGate;
import io.arcnode.stream.api.PublishAck;
import io.arcnode.stream.api.StreamTopics;

/**
 * The bounded buffer in front of the producer. {@link #publish} never blocks: it reserves one of
 * {@code buffer_records} places in the {@link StreamLedger} (none free: the reading is a gap and its stage fails with
 * {@link BufferExhaustedException}) and queues the record for the one sender thread, which alone calls
 * {@code Producer.send} (that may block while the broker has never been reached). The place is freed when the
 * broker acknowledged the record or the producer finally gave up on it (a gap). While {@link #block blocked}
 * (overflow tier 95 %), readings other than alarms keep their place in the buffer but are held instead of queued
 * for the sender; {@link #unblock()} queues them in their order. Plain Java: the producer is passed in (a
 * {@code MockProducer} in unit tests).
 */
final class BufferedPublisher implements MeasurementPublisher, ProducerGate, AutoCloseable {

    /** Metadata key naming the adapter a measurement comes from. */
    static final String ADAPTER_ID = "adapter_id";
    /** Gap label of a measurement without {@link #ADAPTER_ID}. */
    static final String NO_ADAPTER = "none";

    private final Producer<String, Measurement> producer;
    private final StreamLedger ledger;
    private final ExecutorService sender;
    /** Readings held while blocked, in publish order; guarded by itself, as is {@link #blockedReason}. */
    private final Deque<SendTask> held = new ArrayDeque<>();
    private String blockedReason;

    /** One queued record with its stage, so records never sent at close can be failed. */
    private final class SendTask implements Runnable {
        final ProducerRecord<String, Measurement> record;
        final String adapterId;
        final CompletableFuture<PublishAck> ack;

        SendTask(ProducerRecord<String, Measurement> record, String adapterId, CompletableFuture<PublishAck> ack) {
            this.record = record;
            this.adapterId = adapterId;
            this.ack = ack;
        }

        @Override
        public void run() {
            ledger.sent(record.topic());
            try {
                producer.send(record, (md, e) -> settle(this, md, e));
            } catch (RuntimeException e) {
                // Kafka reports most errors through the callback; the rest (closed, interrupted) are thrown
                settle(this, null, e);
            }
        }
    }

    BufferedPublisher(Producer<String, Measurement> producer, StreamLedger ledger) {
        this(producer, ledger, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "arcnode-stream-send");
            t.setDaemon(true);
            return t;
        }));
    }

    /** @param sender runs the sends in order: one thread (tests: the caller's) */
    BufferedPublisher(Producer<String, Measurement> producer, StreamLedger ledger, ExecutorService sender) {
        this.producer = producer;
        this.ledger = ledger;
        this.sender = sender;
    }

    @Override
    public CompletionStage<PublishAck> publish(Measurement m) {
        String topic = StreamTopics.rawTopic(m.classification());
        String adapterId = m.metadata().getOrDefault(ADAPTER_ID, NO_ADAPTER);
        if (!ledger.reserve(adapterId, topic)) {
            return CompletableFuture.failedFuture(new BufferExhaustedException("stream buffer full: "
                    + ledger.capacity() + " reading(s) wait for the broker's acknowledgement (buffer_records)"));
        }
        SendTask task = new SendTask(new ProducerRecord<>(topic, m.assetId(), m), adapterId,
                new CompletableFuture<>());
        synchronized (held) {
            if (blockedReason != null && !StreamTopics.ALARMS_RAW.equals(topic)) {
                held.add(task);
                return task.ack;
            }
        }
        submit(task);
        return task.ack;
    }

    private void submit(SendTask task) {
        try {
            sender.execute(task);
        } catch (RejectedExecutionException e) {
            settle(task, null, new IllegalStateException("stream closed"));
        }
    }

    @Override
    public void block(String reason) {
        synchronized (held) {
            blockedReason = reason == null ? "blocked" : reason;
        }
    }

    @Override
    public void unblock() {
        synchronized (held) {
            blockedReason = null;
            // under the lock: a reading published meanwhile waits and is queued after the held ones
            while (!held.isEmpty()) {
                submit(held.poll());
            }
        }
    }

    @Override
    public Optional<String> blocked() {
        synchronized (held) {
            return Optional.ofNullable(blockedReason);
        }
    }

    /** @return readings held back by {@link #block} right now */
    int heldCount() {
        synchronized (held) {
            return held.size();
        }
    }

    /** The ledger is updated exactly once per record, whichever of callback and exception comes first. */
    private void settle(SendTask task, RecordMetadata md, Exception e) {
        if (e == null) {
            if (task.ack.complete(new PublishAck(md.topic(), md.partition(), md.offset()))) {
                ledger.acked(task.record.topic());
            }
        } else if (task.ack.completeExceptionally(e)) {
            ledger.failed(task.adapterId, task.record.topic(), e);
        }
    }

    /**
     * Hands the queued records to the producer (within {@code timeout}), then closes the producer, which delivers
     * what it can within {@code timeout}; what is left fails and is counted as gaps, as do readings still held by
     * {@link #block}.
     */
    void close(Duration timeout) {
        List<SendTask> neverSent;
        synchronized (held) {
            neverSent = new ArrayList<>(held);
            held.clear();
        }
        IllegalStateException blockedAtClose = new IllegalStateException(
                "stream closed while producers were blocked (overflow)");
        neverSent.forEach(t -> settle(t, null, blockedAtClose));
        sender.shutdown();
        try {
            if (!sender.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                List<Runnable> never = sender.shutdownNow();
                IllegalStateException closed = new IllegalStateException("stream closed before the record was sent");
                never.forEach(r -> settle((SendTask) r, null, closed));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(timeout);
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
