package io.arcnode.gateway.aggregator.internal;

import io.arcnode.api.telemetry.Measurement;
import io.arcnode.stream.api.AggregateAvro;
import io.arcnode.stream.api.MeasurementAvro;
import io.arcnode.stream.api.StreamTopics;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The aggregator as a stream stage: reads every partition of {@code telemetry.clean} (assigned, not through group
 * rebalancing: one aggregator per gateway, the {@code transactional.id} fences an older one), feeds
 * {@link Windowing} and writes each closed window to {@code telemetry.1s} / {@code .1min} / {@code .1hour} (key
 * {@code asset_id}, value {@link AggregateAvro}). <b>Exactly once:</b> one Kafka transaction holds the windows closed
 * since the last commit, the changed open-window state and watermarks (changelog topic {@value #STATE_TOPIC},
 * compacted, one partition, created if missing) and the consumer offsets of group {@value #GROUP}; it commits every
 * {@code commit_interval} (and on {@link #close()}). On start the producer fences and aborts what an earlier
 * instance left open, then the state is rebuilt from the changelog ({@code read_committed}) and reading resumes at
 * the committed offsets: a crash at any point neither loses nor doubles a window. A failed transaction ends the
 * stage with an exception; the caller starts a new one, which restores again. Runs in the calling thread until
 * {@link #close()}.
 */
public final class AggregatorStage implements Runnable, AutoCloseable {

    /** The consumer group holding the offsets on {@code telemetry.clean}. */
    public static final String GROUP = "arcnode-aggregator";
    /** The changelog of the open windows and watermarks. */
    public static final String STATE_TOPIC = "arcnode.aggregator.state";

    private static final Logger LOG = LoggerFactory.getLogger(AggregatorStage.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long ADMIN_TIMEOUT_MS = 30_000;
    private static final long TOPIC_WAIT_MS = 500;

    private final Consumer<String, byte[]> consumer;
    private final Producer<String, byte[]> producer;
    private final Admin admin;
    private final short replication;
    private final AggregatorSettings settings;
    private final AggregatorStats stats;
    private final Clock clock;
    private volatile boolean closed;
    private volatile boolean started;

    /**
     * @param consumer    a consumer with {@code group.id} {@value #GROUP}, {@code enable.auto.commit=false},
     *                    {@code isolation.level=read_committed}
     * @param producer    a transactional producer ({@code transactional.id} stable per gateway)
     * @param admin       creates the changelog topic; closed with the stage
     * @param replication replication factor of the changelog topic when this stage creates it
     * @param clock       the commit interval and the windows' emit latency
     */
    public AggregatorStage(Consumer<String, byte[]> consumer, Producer<String, byte[]> producer, Admin admin,
            short replication, AggregatorSettings settings, AggregatorStats stats, Clock clock) {
        this.consumer = consumer;
        this.producer = producer;
        this.admin = admin;
        this.replication = replication;
        this.settings = settings;
        this.stats = stats;
        this.clock = clock;
    }

    @Override
    public void run() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        boolean inTransaction = false;
        try {
            ensureStateTopic();
            producer.initTransactions(); // fences an earlier instance and aborts its open transaction
            Windowing windowing = restore();
            List<TopicPartition> input = inputPartitions();
            consumer.assign(input);
            resumeAtCommitted(input);
            started = true;
            long began = 0;
            while (!closed) {
                ConsumerRecords<String, byte[]> records;
                try {
                    records = consumer.poll(POLL);
                } catch (WakeupException e) {
                    break;
                }
                if (!records.isEmpty()) {
                    if (!inTransaction) {
                        producer.beginTransaction();
                        inTransaction = true;
                        began = clock.millis();
                    }
                    for (ConsumerRecord<String, byte[]> r : records) {
                        handle(windowing, r);
                        offsets.put(new TopicPartition(r.topic(), r.partition()),
                                new OffsetAndMetadata(r.offset() + 1));
                    }
                }
                if (inTransaction && clock.millis() - began >= settings.commitInterval().toMillis()) {
                    commit(windowing, offsets);
                    inTransaction = false;
                }
            }
            if (inTransaction) {
                commit(windowing, offsets);
                inTransaction = false;
            }
        } catch (WakeupException e) {
            if (!closed) {
                throw e;
            }
        } catch (KafkaException e) {
            if (inTransaction) {
                abort();
            }
            throw new IllegalStateException("aggregator: transaction failed, the next stage restores from "
                    + STATE_TOPIC + ": " + e, e);
        } finally {
            started = false;
            consumer.close();
            producer.close();
            admin.close();
        }
    }

    private void handle(Windowing windowing, ConsumerRecord<String, byte[]> r) {
        Measurement m;
        try {
            m = MeasurementAvro.decode(r.value());
        } catch (IllegalArgumentException | NullPointerException e) {
            stats.in();
            stats.skipped("not_a_measurement", r.topic() + "-" + r.partition() + "@" + r.offset() + ": "
                    + e.getMessage());
            return;
        }
        for (Windowing.Closed c : windowing.add(r.partition(), m)) {
            producer.send(new ProducerRecord<>(c.resolution().topic(), c.aggregate().assetId(),
                    AggregateAvro.encode(c.aggregate())));
            stats.out(c.resolution(), c.forced(), clock.millis() - c.aggregate().windowEnd().toEpochMilli());
        }
    }

    private void commit(Windowing windowing, Map<TopicPartition, OffsetAndMetadata> offsets) {
        for (Windowing.Change c : windowing.drainChanges()) {
            producer.send(new ProducerRecord<>(STATE_TOPIC, 0, c.key(), c.value()));
        }
        producer.sendOffsetsToTransaction(Map.copyOf(offsets), consumer.groupMetadata());
        producer.commitTransaction();
        offsets.clear();
        stats.committed();
    }

    private void abort() {
        try {
            producer.abortTransaction();
        } catch (KafkaException e) {
            LOG.warn("aggregator: abort failed (fenced or broker away); the broker aborts it: {}", e.toString());
        }
    }

    private void ensureStateTopic() {
        NewTopic topic = new NewTopic(STATE_TOPIC, 1, replication).configs(Map.of("cleanup.policy", "compact"));
        try {
            admin.createTopics(List.of(topic)).all().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            LOG.info("aggregator: created the changelog topic {}", STATE_TOPIC);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + STATE_TOPIC + ": " + e.getCause(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot create " + STATE_TOPIC + ": no answer in " + ADMIN_TIMEOUT_MS
                    + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + STATE_TOPIC, e);
        }
    }

    /** @return the windows and watermarks of the changelog, read to its last committed record */
    private Windowing restore() {
        Windowing windowing = new Windowing(settings, stats);
        TopicPartition state = new TopicPartition(STATE_TOPIC, 0);
        List<TopicPartition> one = List.of(state);
        consumer.assign(one);
        consumer.seekToBeginning(one);
        long end = consumer.endOffsets(one).get(state);
        long entries = 0;
        while (!closed && consumer.position(state) < end) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
                windowing.restore(r.key(), r.value());
                entries++;
            }
        }
        LOG.info("aggregator: restored {} open window(s) from {} changelog entries", windowing.openWindows(), entries);
        return windowing;
    }

    /** @return the partitions of {@code telemetry.clean}, once the stream has created it */
    private List<TopicPartition> inputPartitions() {
        while (true) {
            List<TopicPartition> input = consumer.partitionsFor(StreamTopics.TELEMETRY_CLEAN).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (!input.isEmpty() || closed) {
                return input;
            }
            try {
                Thread.sleep(TOPIC_WAIT_MS); // the stream component creates the topics when the broker answers
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + StreamTopics.TELEMETRY_CLEAN, e);
            }
        }
    }

    private void resumeAtCommitted(List<TopicPartition> input) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(input));
        for (TopicPartition tp : input) {
            OffsetAndMetadata o = committed.get(tp);
            if (o != null) {
                consumer.seek(tp, o);
            } else {
                consumer.seekToBeginning(List.of(tp));
            }
        }
    }

    /** @return whether {@link #run()} restored its state and reads {@code telemetry.clean} */
    public boolean started() {
        return started && !closed;
    }

    /** Ends {@link #run()}: the open transaction is committed first. */
    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
    }
}
