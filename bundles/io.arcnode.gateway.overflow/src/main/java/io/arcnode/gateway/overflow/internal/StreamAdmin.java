package io.arcnode.gateway.overflow.internal;

import java.time.Instant;

/** What the overflow monitor needs from the broker: its disk use and deleting old records. */
public interface StreamAdmin {

    /** @return the broker's disk use now */
    DiskUsage usage() throws Exception;

    /**
     * Deletes every record of {@code topic} with a timestamp before {@code cutoff} (moves each partition's log start
     * offset; the broker frees whole segments below it on its next retention check).
     *
     * @return how many records were deleted (0 when none was older)
     */
    long deleteBefore(String topic, Instant cutoff) throws Exception;
}
