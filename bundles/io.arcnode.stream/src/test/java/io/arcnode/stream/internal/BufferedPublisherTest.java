package io.arcnode.stream.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.arcnode.api.health.ComponentHealth;
import io.arcnode.api.health.HealthStatus;
import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import io.arcnode.api.telemetry.Timestamps;
import io.arcnode.stream.api.PublishAck;
import io.arcnode.stream.internal.StreamLedger.GapKey;
import io.arcnode.stream.internal.StreamLedger.GapReason;

/** The bound and the gap account, against Kafka's MockProducer (acknowledgements completed by the test). */
class BufferedPublisherTest {

    private final MockProducer<String, Measurement> producer = new MockProducer<>(false, null,
            new StringSerializer(), new MeasurementSerializer());

    @Test
    void readingsBeyondTheBoundAreGapsPerAdapterAndTheRestWaitsForTheBroker() {
        StreamLedger ledger = new StreamLedger(3);
        BufferedPublisher buffer = new BufferedPublisher(producer, ledger, new SameThread());
        List<CompletableFuture<PublishAck>> stages = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            stages.add(buffer.publish(m("adapter_a", Classification.TELEMETRY, i)).toCompletableFuture());
        }
        stages.add(buffer.publish(m("adapter_b", Classification.ALARM, 9)).toCompletableFuture());

        assertEquals(3, producer.history().size(), "three readings handed to the producer");
        assertEquals(3, ledger.inUse());
        stages.subList(0, 3).forEach(s -> assertTrue(!s.isDone(), "waits for the broker"));
        for (CompletableFuture<PublishAck> refused : stages.subList(3, 6)) {
            CompletionException e = assertThrows(CompletionException.class, refused::join);
            assertInstanceOf(BufferExhaustedException.class, e.getCause());
        }
        assertEquals(Map.of(new GapKey("adapter_a", "telemetry.raw", GapReason.BUFFER_FULL), 2L,
                new GapKey("adapter_b", "alarms.raw", GapReason.BUFFER_FULL), 1L), ledger.snapshot().gaps());

        while (producer.completeNext()) {
            // the broker acknowledges every waiting record
        }
        stages.subList(0, 3).forEach(s -> assertEquals("telemetry.raw", s.join().topic()));
        StreamLedger.Snapshot after = ledger.snapshot();
        assertEquals(0, after.inUse());
        assertEquals(Map.of("telemetry.raw", 3L), after.sent());
        assertEquals(Map.of("telemetry.raw", 3L), after.acked());
        assertEquals(6, after.ackedTotal() + after.gapTotal(), "acked + gaps == handed over");

        assertTrue(!buffer.publish(m("adapter_a", Classification.TELEMETRY, 5)).toCompletableFuture().isDone(),
                "room again once acknowledged");
    }

    @Test
    void aRecordTheProducerGivesUpOnIsADeliveryGapAndFreesItsPlace() {
        StreamLedger ledger = new StreamLedger(1);
        BufferedPublisher buffer = new BufferedPublisher(producer, ledger, new SameThread());
        CompletableFuture<PublishAck> lost = buffer.publish(m("adapter_a", Classification.EVENT, 1))
                .toCompletableFuture();
        producer.errorNext(new TimeoutException("Expiring 1 record(s): 120000 ms has passed since batch creation"));

        assertInstanceOf(TimeoutException.class, assertThrows(CompletionException.class, lost::join).getCause());
        assertEquals(Map.of(new GapKey("adapter_a", "events.raw", GapReason.DELIVERY_FAILED), 1L),
                ledger.snapshot().gaps());
        assertEquals(0, ledger.inUse());
        assertEquals(Map.of("events.raw", 1L), ledger.snapshot().sent());
    }

    @Test
    void aReadingWithoutAdapterIdAndAClosedProducerAreCountedToo() {
        StreamLedger ledger = new StreamLedger(10);
        BufferedPublisher buffer = new BufferedPublisher(producer, ledger, new SameThread());
        producer.close();
        Measurement anonymous = new Measurement("asset", "p", 1, "", Quality.GOOD, Classification.TELEMETRY,
                new Timestamps(null, Instant.parse("2026-01-29T10:00:00Z")), Map.of());
        CompletableFuture<PublishAck> s = buffer.publish(anonymous).toCompletableFuture();

        assertTrue(s.isCompletedExceptionally(), "send on a closed producer throws: a gap, not lost silently");
        assertEquals(Map.of(new GapKey(BufferedPublisher.NO_ADAPTER, "telemetry.raw", GapReason.DELIVERY_FAILED), 1L),
                ledger.snapshot().gaps());
        assertEquals(0, ledger.inUse());
    }

    @Test
    void healthIsDegradedWhileTheBrokerIsDownOrTheBufferFullAndNamesTheGaps() {
        StreamLedger ledger = new StreamLedger(2);
        BufferedPublisher buffer = new BufferedPublisher(producer, ledger, new SameThread());
        ComponentHealth up = new ComponentHealth("stream", HealthStatus.HEALTHY, "broker b reachable, 1 node(s)", true);
        ComponentHealth down = new ComponentHealth("stream", HealthStatus.DEGRADED, "broker b not reachable", true);

        assertEquals(new ComponentHealth("stream", HealthStatus.HEALTHY,
                "broker b reachable, 1 node(s); buffer 0/2 reading(s), 0 reading(s) lost as gaps", true),
                StreamHealth.of(up, ledger.snapshot(), Optional.empty()));
        buffer.publish(m("adapter_a", Classification.TELEMETRY, 1));
        assertEquals(new ComponentHealth("stream", HealthStatus.DEGRADED,
                "broker b not reachable; buffer 1/2 reading(s), 0 reading(s) lost as gaps", true),
                StreamHealth.of(down, ledger.snapshot(), Optional.empty()));
        buffer.publish(m("adapter_a", Classification.TELEMETRY, 2));
        buffer.publish(m("adapter_a", Classification.TELEMETRY, 3));
        assertEquals(new ComponentHealth("stream", HealthStatus.DEGRADED, "broker b reachable, 1 node(s); "
                + "buffer 2/2 reading(s) (full: further readings are gaps), 1 reading(s) lost as gaps", true),
                StreamHealth.of(up, ledger.snapshot(), Optional.empty()));
    }

    @Test
    void blockedReadingsKeepTheirPlaceAndOrderAlarmsPassAndUnblockSendsThem() {
        StreamLedger ledger = new StreamLedger(3);
        BufferedPublisher buffer = new BufferedPublisher(producer, ledger, new SameThread());
        buffer.block("broker disk 96 % of budget");
        CompletableFuture<PublishAck> first = buffer.publish(m("adapter_a", Classification.TELEMETRY, 1))
                .toCompletableFuture();
        buffer.publish(m("adapter_a", Classification.EVENT, 2));
        buffer.publish(m("adapter_b", Classification.ALARM, 3));
        CompletableFuture<PublishAck> over = buffer.publish(m("adapter_a", Classification.TELEMETRY, 4))
                .toCompletableFuture();

        assertEquals(List.of("alarms.raw"), producer.history().stream().map(r -> r.topic()).toList(),
                "only the alarm reaches the producer while blocked");
        assertEquals(2, buffer.heldCount());
        assertEquals(Optional.of("broker disk 96 % of budget"), buffer.blocked());
        assertInstanceOf(BufferExhaustedException.class,
                assertThrows(CompletionException.class, over::join).getCause(), "a full buffer is a gap, not a wait");
        ComponentHealth up = new ComponentHealth("stream", HealthStatus.HEALTHY, "broker b reachable", true);
        ComponentHealth h = StreamHealth.of(up, ledger.snapshot(), buffer.blocked());
        assertEquals(HealthStatus.DEGRADED, h.status());
        assertTrue(h.detail().contains("producers blocked: broker disk 96 % of budget"), h.detail());

        buffer.unblock();
        assertEquals(List.of(3.0, 1.0, 2.0), producer.history().stream().map(r -> r.value().value()).toList(),
                "held readings follow in publish order");
        assertEquals(0, buffer.heldCount());
        assertEquals(Optional.empty(), buffer.blocked());
        producer.completeNext();
        producer.completeNext();
        assertEquals("telemetry.raw", first.join().topic());
    }

    @Test
    void readingsStillHeldAtCloseAreGaps() {
        StreamLedger ledger = new StreamLedger(10);
        BufferedPublisher buffer = new BufferedPublisher(producer, ledger, new SameThread());
        buffer.block("disk");
        CompletableFuture<PublishAck> held = buffer.publish(m("adapter_a", Classification.TELEMETRY, 1))
                .toCompletableFuture();
        buffer.close(java.time.Duration.ofSeconds(1));
        assertTrue(held.isCompletedExceptionally());
        assertEquals(1, ledger.snapshot().gapTotal());
        assertEquals(0, ledger.inUse());
    }

    static Measurement m(String adapterId, Classification c, double value) {
        return new Measurement("asset_1", "temperature", value, "celsius", Quality.GOOD, c,
                new Timestamps(null, Instant.parse("2026-01-29T10:00:00Z")),
                Map.of("adapter_id", adapterId, "adapter_version", "1"));
    }

    /** Runs each send in the caller: the test sees the producer's state right after publish. */
    static final class SameThread extends AbstractExecutorService {
        private boolean shutdown;

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
