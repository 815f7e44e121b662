package io.arcnode.sink.s3.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Where a record goes: {@code <prefix>/<topic>/YYYY/MM/DD/HH/<topic>-<partition>-<first>-<last>.avro}, the hour of
 * its event time (UTC) and the fixed offset window {@code [first, last]} of {@code chunkRecords} offsets that holds
 * its offset. Both come from the record alone, never from how the stream was polled, so a replay with any batch
 * sizes names the same objects.
 *
 * @param prefix       key prefix without leading or trailing slash; empty: none
 * @param chunkRecords offsets per window
 */
record ObjectLayout(String prefix, long chunkRecords) {

    /** @return the first offset of the window holding {@code offset} */
    long chunkStart(long offset) {
        return offset - Math.floorMod(offset, chunkRecords);
    }

    /** @return the start of the UTC hour of {@code eventTime} */
    static Instant hour(Instant eventTime) {
        return eventTime.truncatedTo(ChronoUnit.HOURS);
    }

    /** @return the object key of window {@code chunkStart} of a partition in one hour */
    String key(String topic, int partition, Instant hour, long chunkStart) {
        ZonedDateTime t = hour.atZone(ZoneOffset.UTC);
        String folder = String.format("%s/%04d/%02d/%02d/%02d/", topic, t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getHour());
        return (prefix.isEmpty() ? "" : prefix + "/") + folder + topic + "-" + partition + "-" + chunkStart + "-"
                + (chunkStart + chunkRecords - 1) + ".avro";
    }
}
