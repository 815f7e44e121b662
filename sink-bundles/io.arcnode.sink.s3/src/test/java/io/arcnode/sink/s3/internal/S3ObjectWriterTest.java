package io.arcnode.sink.s3.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.sink.api.SinkException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class S3ObjectWriterTest {

    /** A bucket in memory (the integration tests use a real S3 server). */
    static final class MemoryStore implements ObjectStore {
        final Map<String, byte[]> objects = new TreeMap<>();
        int puts;

        @Override
        public void put(String key, byte[] bytes) {
            objects.put(key, bytes);
            puts++;
        }

        @Override
        public Optional<byte[]> get(String key) {
            return Optional.ofNullable(objects.get(key));
        }
    }

    private static final Instant T0 = Instant.parse("2026-01-29T10:59:59.990Z");

    /** Offset i of partition 3 of events.clean; offsets from 10 on are in the next hour. */
    private static S3Entry entry(long i) {
        GenericRecord g = new GenericData.Record(S3Records.RAW);
        g.put("key", "k" + i);
        g.put("value", null);
        g.put("timestamp_ms", T0.toEpochMilli() + i);
        return new S3Entry("events.clean", 3, i, T0.plusMillis(i), g);
    }

    private static List<S3Entry> range(long from, long to) {
        List<S3Entry> out = new ArrayList<>();
        for (long i = from; i < to; i++) {
            out.add(entry(i));
        }
        return out;
    }

    private static Map<String, List<Long>> offsets(MemoryStore store) throws IOException {
        Map<String, List<Long>> out = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : store.objects.entrySet()) {
            out.put(e.getKey(), AvroObjects.read(e.getValue()).stream().map(AvroObjects.Stored::offset).toList());
        }
        return out;
    }

    @Test
    void keysFollowTopicHourAndOffsetWindow() {
        ObjectLayout l = new ObjectLayout("fleet/a", 100);
        assertEquals("fleet/a/telemetry.clean/2026/01/29/10/telemetry.clean-7-200-299.avro",
                l.key("telemetry.clean", 7, ObjectLayout.hour(Instant.parse("2026-01-29T10:42:00Z")), l.chunkStart(250)));
        assertEquals("t/2026/12/31/23/t-0-0-99.avro",
                new ObjectLayout("", 100).key("t", 0, ObjectLayout.hour(Instant.parse("2026-12-31T23:59:59Z")), 0));
    }

    @Test
    void anyBatchBoundariesGiveTheSameObjects() throws Exception {
        MemoryStore oneBatch = new MemoryStore();
        new S3ObjectWriter(oneBatch, new ObjectLayout("p", 20)).write(range(0, 50));

        MemoryStore small = new MemoryStore();
        S3ObjectWriter w = new S3ObjectWriter(small, new ObjectLayout("p", 20));
        w.write(range(0, 7));
        w.write(range(7, 8));
        w.write(range(8, 33));
        w.write(range(8, 21)); // a replay of a shorter batch from the committed offset
        w.write(range(21, 50));

        Map<String, List<Long>> expected = offsets(oneBatch);
        assertEquals(expected, offsets(small));
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L),
                expected.get("p/events.clean/2026/01/29/10/events.clean-3-0-19.avro"));
        assertEquals(4, expected.size()); // hour 10: window 0; hour 11: windows 0, 20, 40
        int total = expected.values().stream().mapToInt(List::size).sum();
        assertEquals(50, total);
    }

    @Test
    void aFullReplayOverwritesTheSameObjects() throws Exception {
        MemoryStore store = new MemoryStore();
        S3ObjectWriter w = new S3ObjectWriter(store, new ObjectLayout("", 10));
        w.write(range(0, 30));
        Map<String, List<Long>> before = offsets(store);
        w.write(range(0, 30));
        assertEquals(before, offsets(store));
        assertEquals(30, offsets(store).values().stream().mapToInt(List::size).sum());
    }

    @Test
    void aForeignObjectAtTheKeyIsARetryableFailureNamingIt() {
        MemoryStore store = new MemoryStore();
        ObjectLayout l = new ObjectLayout("", 10);
        String key = l.key("events.clean", 3, ObjectLayout.hour(T0), 0);
        store.objects.put(key, "not avro".getBytes());
        SinkException e = assertThrows(SinkException.class, () -> new S3ObjectWriter(store, l).write(range(5, 6)));
        assertTrue(!e.permanent() && e.getMessage().contains(key), e.getMessage());
    }

    @Test
    void offsetRunsRoundTrip() throws Exception {
        List<AvroObjects.Stored> s = new ArrayList<>();
        for (long o : new long[] {3, 4, 5, 9, 11, 12}) {
            s.add(new AvroObjects.Stored(o, null));
        }
        assertEquals("3-5,9,11-12", AvroObjects.runs(s));
        assertEquals(List.of(3L, 4L, 5L, 9L, 11L, 12L), AvroObjects.parseRuns("3-5,9,11-12"));
    }
}
