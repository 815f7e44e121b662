package io.arcnode.sink.s3.internal;

import io.arcnode.sink.api.SinkException;
import io.arcnode.sink.api.SinkWriter;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes one poll's records as objects: they are grouped by (topic, partition, event hour, offset window) of
 * {@link ObjectLayout}; each group is one object. When the group does not start at its window's first offset, the
 * window's object may already hold the earlier records of that window (committed by an earlier batch): it is read,
 * its records with offsets below the group's first one are kept, the group's records follow, and the object is
 * put again. So an object always holds exactly the window's records of that hour up to the newest offset written,
 * whatever the batch boundaries were: a retry or a replay puts the same objects again, never a second copy.
 *
 * <p>Every failure of the store is retryable (an unreachable server, a missing bucket, refused credentials: none of
 * them is the records' fault), so the loop retries through its breaker and the lag shows the backlog.
 */
final class S3ObjectWriter implements SinkWriter<S3Entry> {

    private record Group(String topic, int partition, Instant hour, long chunkStart) {
    }

    private final ObjectStore store;
    private final ObjectLayout layout;

    S3ObjectWriter(ObjectStore store, ObjectLayout layout) {
        this.store = Objects.requireNonNull(store, "store");
        this.layout = Objects.requireNonNull(layout, "layout");
    }

    @Override
    public void write(List<S3Entry> batch) throws SinkException {
        Map<Group, List<AvroObjects.Stored>> groups = new LinkedHashMap<>();
        for (S3Entry e : batch) {
            Group g = new Group(e.topic(), e.partition(), ObjectLayout.hour(e.eventTime()),
                    layout.chunkStart(e.offset()));
            groups.computeIfAbsent(g, k -> new ArrayList<>()).add(new AvroObjects.Stored(e.offset(), e.record()));
        }
        for (Map.Entry<Group, List<AvroObjects.Stored>> en : groups.entrySet()) {
            Group g = en.getKey();
            List<AvroObjects.Stored> fresh = en.getValue();
            fresh.sort(Comparator.comparingLong(AvroObjects.Stored::offset));
            long first = fresh.get(0).offset();
            String key = layout.key(g.topic(), g.partition(), g.hour(), g.chunkStart());
            List<AvroObjects.Stored> records = new ArrayList<>();
            if (first > g.chunkStart()) {
                Optional<byte[]> existing = store.get(key);
                if (existing.isPresent()) {
                    try {
                        for (AvroObjects.Stored s : AvroObjects.read(existing.get())) {
                            if (s.offset() < first) {
                                records.add(s);
                            }
                        }
                    } catch (IOException | RuntimeException e) {
                        throw SinkException.retryable("object " + key + " is not an object of this sink ("
                                + e.getMessage() + "); move it away to let the sink write it again", e);
                    }
                }
            }
            records.addAll(fresh);
            byte[] bytes;
            try {
                bytes = AvroObjects.write(S3Records.schemaOf(g.topic()), g.topic(), g.partition(), records);
            } catch (IOException | RuntimeException e) {
                throw SinkException.permanent("records of " + g.topic() + "/" + g.partition() + " not writable as"
                        + " Avro: " + e.getMessage(), e);
            }
            store.put(key, bytes);
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
