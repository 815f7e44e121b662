package io.arcnode.gateway.alarms.internal;

import io.arcnode.api.telemetry.Measurement;
import io.arcnode.stream.api.MeasurementAvro;
import io.arcnode.stream.api.StreamTopics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alarms as a stream stage: consumer group {@value #GROUP} on {@code telemetry.clean} and {@code alarms.raw};
 * every alarm change the {@link AlarmEngine} makes is published to {@code alarms.clean} (key {@code asset_id}, value
 * {@link AlarmJson}) in one Kafka transaction with the consumer offsets, then appended to the {@link AlarmStore}.
 * Operator actions ({@link #submit}) run in the stage's thread between polls, each in a transaction of its own.
 * At start the engine is rebuilt from the store plus the {@code alarms.clean} versions the store missed (newer
 * {@code seq}: a crash between commit and journal write, or a lost data folder). A failed transaction ends
 * {@link #run()} with an exception: the caller starts a new stage, which rebuilds the engine from what was committed.
 */
public final class AlarmStage implements Runnable, AutoCloseable {

    /** The consumer group. */
    public static final String GROUP = "arcnode-alarms";
    /** The topics read. */
    public static final List<String> INPUTS = List.of(StreamTopics.TELEMETRY_CLEAN, StreamTopics.ALARMS_RAW);

    private static final Logger LOG = LoggerFactory.getLogger(AlarmStage.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration READ_BACK = Duration.ofSeconds(60);

    /** Told what the stage did (metrics). */
    public interface Listener {
        /** A batch of alarm versions was committed to {@code alarms.clean} and stored. */
        void committed(List<Alarm> versions);

        /** An input record was not a measurement (logged and skipped, its offset committed). */
        void undecodable();
    }

    private record Command(Function<AlarmEngine, Alarm> action, CompletableFuture<Alarm> result) {
    }

    private final Consumer<String, byte[]> consumer;
    private final Producer<String, byte[]> producer;
    private final Consumer<String, byte[]> readBack;
    private final AlarmStore store;
    private final List<AlarmRule> rules;
    private final Clock clock;
    private final Listener listener;
    private final ConcurrentLinkedQueue<Command> commands = new ConcurrentLinkedQueue<>();
    private final AtomicLong undecodable = new AtomicLong();
    private volatile AlarmEngine engine;
    private volatile boolean closed;
    private volatile boolean started;

    /**
     * @param consumer  a consumer of group {@value #GROUP}, {@code enable.auto.commit=false},
     *                  {@code isolation.level=read_committed}
     * @param producer  a transactional producer (its {@code transactional.id} stable per gateway)
     * @param readBack  a consumer without group, {@code read_committed}, to read {@code alarms.clean} back at start
     * @param store     the local store
     * @param rules     the conditions
     * @param clock     the gateway clock (operator actions)
     * @param listener  told about committed batches and undecodable records (metrics)
     */
    public AlarmStage(Consumer<String, byte[]> consumer, Producer<String, byte[]> producer,
            Consumer<String, byte[]> readBack, AlarmStore store, List<AlarmRule> rules, Clock clock,
            Listener listener) {
        this.consumer = consumer;
        this.producer = producer;
        this.readBack = readBack;
        this.store = store;
        this.rules = List.copyOf(rules);
        this.clock = clock;
        this.listener = listener;
    }

    @Override
    public void run() {
        try {
            AlarmEngine e = new AlarmEngine(rules, clock, store.load().values());
            engine = e; // readable (GET) from the store even while the broker is away
            List<Alarm> missed = readBack(e.seq());
            if (!missed.isEmpty()) {
                LOG.info("alarms: {} alarm version(s) after seq {} taken back from {}", missed.size(), e.seq(),
                        StreamTopics.ALARMS_CLEAN);
                e.catchUp(missed);
                store.append(missed);
            }
            producer.initTransactions();
            consumer.subscribe(INPUTS);
            started = true;
            while (!closed) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                if (!records.isEmpty()) {
                    process(e, records);
                }
                runCommands(e);
            }
        } catch (WakeupException e) {
            if (!closed) {
                throw e;
            }
        } finally {
            started = false;
            Command c;
            while ((c = commands.poll()) != null) {
                c.result().completeExceptionally(new IllegalStateException("alarms stage stopped"));
            }
            consumer.close();
            producer.close();
            readBack.close();
        }
    }

    /** @return the committed versions on {@code alarms.clean} newer than {@code after}, oldest first */
    private List<Alarm> readBack(long after) {
        List<TopicPartition> parts = readBack.partitionsFor(StreamTopics.ALARMS_CLEAN).stream()
                .map(i -> new TopicPartition(StreamTopics.ALARMS_CLEAN, i.partition())).toList();
        List<Alarm> out = new ArrayList<>();
        if (parts.isEmpty()) {
            return out;
        }
        readBack.assign(parts);
        readBack.seekToBeginning(parts);
        Map<TopicPartition, Long> end = readBack.endOffsets(parts);
        long deadline = System.nanoTime() + READ_BACK.toNanos();
        while (parts.stream().anyMatch(tp -> readBack.position(tp) < end.get(tp))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("alarms: " + StreamTopics.ALARMS_CLEAN + " not read back within "
                        + READ_BACK.toSeconds() + " s");
            }
            for (ConsumerRecord<String, byte[]> r : readBack.poll(POLL)) {
                try {
                    Alarm a = AlarmJson.parse(r.value());
                    if (a.seq() > after) {
                        out.add(a);
                    }
                } catch (IllegalArgumentException ex) {
                    LOG.warn("alarms: {}-{}@{} is not an alarm, skipped at read-back: {}", r.topic(), r.partition(),
                            r.offset(), ex.getMessage());
                }
            }
        }
        out.sort(Comparator.comparingLong(Alarm::seq));
        return out;
    }

    private void process(AlarmEngine e, ConsumerRecords<String, byte[]> records) {
        List<Alarm> changed = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
            Measurement m;
            try {
                m = MeasurementAvro.decode(r.value());
            } catch (IllegalArgumentException | NullPointerException ex) {
                long n = undecodable.incrementAndGet();
                listener.undecodable();
                LOG.warn("alarms: {}-{}@{} is not a measurement ({} so far): {}", r.topic(), r.partition(),
                        r.offset(), n, ex.getMessage());
                continue;
            }
            changed.addAll(e.reading(m));
        }
        publish(changed, offsets);
    }

    private void runCommands(AlarmEngine e) {
        Command c;
        while ((c = commands.poll()) != null) {
            Alarm a;
            try {
                a = c.action().apply(e);
            } catch (RuntimeException ex) { // refused (unknown id, illegal transition): nothing changed
                c.result().completeExceptionally(ex);
                continue;
            }
            try {
                publish(List.of(a), Map.of());
            } catch (RuntimeException ex) {
                c.result().completeExceptionally(ex);
                throw ex;
            }
            c.result().complete(a);
        }
    }

    private void publish(List<Alarm> changed, Map<TopicPartition, OffsetAndMetadata> offsets) {
        producer.beginTransaction();
        try {
            for (Alarm a : changed) {
                producer.send(new ProducerRecord<>(StreamTopics.ALARMS_CLEAN, a.assetId(), AlarmJson.bytes(a)));
            }
            if (!offsets.isEmpty()) {
                producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
            }
            producer.commitTransaction();
        } catch (KafkaException ex) {
            try {
                producer.abortTransaction();
            } catch (KafkaException ignored) {
                // fenced or broker away: the new stage's initTransactions aborts it
            }
            throw new IllegalStateException("alarms: transaction aborted (" + ex + "); the stage restarts from the"
                    + " committed state", ex);
        }
        if (!changed.isEmpty()) {
            store.append(changed);
            listener.committed(changed);
        }
    }

    /**
     * Runs an operator action in the stage's thread; the alarm it returns is published and stored before the future
     * completes. The future fails with the action's exception when it is refused, or an
     * {@link IllegalStateException} when the stage is not running or stops.
     */
    public CompletableFuture<Alarm> submit(Function<AlarmEngine, Alarm> action) {
        CompletableFuture<Alarm> f = new CompletableFuture<>();
        if (!started()) {
            f.completeExceptionally(new IllegalStateException("alarms stage not running"));
            return f;
        }
        commands.add(new Command(action, f));
        if (!started()) { // stopped meanwhile: run()'s finally may have drained the queue already
            commands.remove(new Command(action, f));
            f.completeExceptionally(new IllegalStateException("alarms stage not running"));
        }
        return f;
    }

    /**
     * @return the engine once built from the store (reads are fine from any thread; the {@code alarms.clean}
     *         read-back may still add to it until {@link #started()}), or null before
     */
    public AlarmEngine engine() {
        return engine;
    }

    /** @return records of the inputs that were not measurements (logged, counted) */
    public long undecodable() {
        return undecodable.get();
    }

    /** @return whether {@link #run()} has restored the engine, its transactional producer and its subscription */
    public boolean started() {
        return started && !closed;
    }

    /** Ends {@link #run()} after the current batch. */
    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
    }
}
