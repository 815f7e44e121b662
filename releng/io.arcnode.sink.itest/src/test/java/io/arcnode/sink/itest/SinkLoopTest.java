package io.arcnode.sink.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.health.HealthStatus;
import io.arcnode.sink.api.CircuitBreaker;
import io.arcnode.sink.api.KafkaDeadLetters;
import io.arcnode.sink.api.SinkException;
import io.arcnode.sink.api.SinkLoop;
import io.arcnode.sink.api.SinkWriter;
import io.arcnode.stream.api.StreamTopics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generic sink runtime against the real embedded broker, with a downstream the test switches off and on and a
 * breaker on a clock the test moves: while the downstream is away nothing is committed and, once the breaker is
 * open, nothing is tried until the cooldown has passed on the breaker's clock; then the half-open probe succeeds and
 * every record arrives once; a record the decoder rejects goes to the DLQ.
 */
class SinkLoopTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path tmp;

    /** The breaker's clock, moved by the test. */
    static final class TestClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-29T10:00:00Z"));

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    /** An idempotent in-memory downstream that is away while {@link #down} is set. */
    static final class Downstream implements SinkWriter<Integer> {
        final Set<Integer> stored = ConcurrentHashMap.newKeySet();
        volatile boolean down = true;

        @Override
        public void write(List<Integer> batch) throws SinkException {
            if (down) {
                throw SinkException.retryable("downstream away", null);
            }
            stored.addAll(batch);
        }
    }

    @Test
    void nothingIsCommittedWhileDownAndTheProbeWaitsForTheCooldown() throws Exception {
        try (StreamFixture stream = new StreamFixture(tmp.resolve("broker"));
                Producer<String, byte[]> dlq = stream.producer()) {
            String topic = "telemetry.itest_loop";
            stream.createTopics(topic, StreamTopics.DLQ_TELEMETRY);
            for (int i = 0; i < 100; i++) {
                stream.sendRaw(topic, "k" + i, String.valueOf(i).getBytes(StandardCharsets.UTF_8));
            }
            stream.sendRaw(topic, "bad", "not a number".getBytes(StandardCharsets.UTF_8));

            TestClock clock = new TestClock();
            CircuitBreaker breaker = new CircuitBreaker(clock);
            Downstream downstream = new Downstream();
            Map<String, Object> c = SinkLoop.consumerConfig(stream.bootstrap(), "itest-loop", 50);
            try (SinkLoop<Integer> loop = new SinkLoop<>("loop",
                    () -> new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer()), List.of(topic),
                    (ConsumerRecord<String, byte[]> r) -> Integer.valueOf(new String(r.value(), StandardCharsets.UTF_8)),
                    () -> downstream, new KafkaDeadLetters(dlq, "loop"), breaker, null)) {
                loop.start();
                await().atMost(WAIT).until(() -> breaker.state() == CircuitBreaker.State.OPEN);
                assertEquals(CircuitBreaker.DEFAULT_FAILURE_THRESHOLD, loop.errors());
                await().atMost(WAIT).until(loop::lag, lag -> lag == 101);
                assertEquals(0, loop.commits(), "nothing committed while the downstream is away");
                assertEquals(HealthStatus.DEGRADED, loop.health().status());

                downstream.down = false;
                clock.now.updateAndGet(t -> t.plusSeconds(29));
                // one more record: the lag reaching 102 shows the loop went on (waiting, refreshing its lag) with the
                // downstream back but the cooldown not over on the breaker's clock, and it tried nothing
                long inBefore = loop.recordsIn();
                stream.sendRaw(topic, "k100", "100".getBytes(StandardCharsets.UTF_8));
                await().atMost(WAIT).until(loop::lag, lag -> lag == 102);
                assertEquals(CircuitBreaker.DEFAULT_FAILURE_THRESHOLD, loop.errors(), "no try during the cooldown");
                assertEquals(inBefore, loop.recordsIn());
                assertTrue(downstream.stored.isEmpty());
                assertEquals(Duration.ofSeconds(1), breaker.remainingCooldown());

                clock.now.updateAndGet(t -> t.plusSeconds(1));
                await().atMost(WAIT).until(() -> loop.lag() == 0 && breaker.state() == CircuitBreaker.State.CLOSED);
                assertEquals(101, downstream.stored.size());
                assertEquals(1, loop.deadLettered());
                assertEquals(101, loop.recordsOut());
                assertEquals(HealthStatus.HEALTHY, loop.health().status());
            }
            List<ConsumerRecord<String, byte[]>> dead = stream.read(StreamTopics.DLQ_TELEMETRY);
            assertEquals(1, dead.size());
            assertEquals("bad", dead.get(0).key());
            assertTrue(new String(dead.get(0).headers().lastHeader(KafkaDeadLetters.FINDINGS_HEADER).value(),
                    StandardCharsets.UTF_8).startsWith("sink_loop: not decodable: "));
        }
    }

    /**
     * A source written in producer transactions, as the validator writes {@code telemetry.clean}: each transaction
     * ends with a commit marker no poll returns. The lag still reaches 0 once everything is written.
     */
    @Test
    void theLagReachesZeroOnATopicWrittenInTransactions() throws Exception {
        try (StreamFixture stream = new StreamFixture(tmp.resolve("broker"));
                Producer<String, byte[]> dlq = stream.producer()) {
            String topic = "telemetry.itest_tx";
            stream.createTopics(topic, StreamTopics.DLQ_TELEMETRY);
            Map<String, Object> pc = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stream.bootstrap(),
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG, "itest-tx", ProducerConfig.ACKS_CONFIG, "all");
            try (KafkaProducer<String, byte[]> tx = new KafkaProducer<>(pc, new StringSerializer(),
                    new ByteArraySerializer())) {
                tx.initTransactions();
                for (int t = 0; t < 5; t++) {
                    tx.beginTransaction();
                    for (int i = 0; i < 10; i++) {
                        int n = t * 10 + i;
                        tx.send(new ProducerRecord<>(topic, "k" + n, String.valueOf(n).getBytes(StandardCharsets.UTF_8)));
                    }
                    tx.commitTransaction();
                }
            }
            Downstream downstream = new Downstream();
            downstream.down = false;
            Map<String, Object> c = SinkLoop.consumerConfig(stream.bootstrap(), "itest-tx-loop", 50);
            try (SinkLoop<Integer> loop = new SinkLoop<>("txloop",
                    () -> new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer()), List.of(topic),
                    (ConsumerRecord<String, byte[]> r) -> Integer.valueOf(new String(r.value(), StandardCharsets.UTF_8)),
                    () -> downstream, new KafkaDeadLetters(dlq, "txloop"), new CircuitBreaker(Clock.systemUTC()),
                    null)) {
                loop.start();
                await().atMost(WAIT).until(() -> downstream.stored.size() == 50);
                await().atMost(WAIT).until(loop::lag, lag -> lag == 0);
                assertEquals(50, loop.recordsOut());
            }
        }
    }
}
