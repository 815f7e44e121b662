package io.arcnode.api.telemetry;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The timestamps of a stream message (spec 004 "Time Semantics"), written in the {@link UtcMillis}
 * format. Both instants are truncated to milliseconds on construction.
 *
 * @param deviceTime  when the sensor measured (authoritative for analytics); may be {@code null} when the
 *                    device supplies none, in which case the message's quality should be {@code UNCERTAIN}
 * @param gatewayTime when the gateway received the value; required
 */
@JsonPropertyOrder({"device_time", "gateway_time"})
public record Timestamps(
        @JsonProperty("device_time")
        @JsonSerialize(using = UtcMillis.Serializer.class)
        @JsonDeserialize(using = UtcMillis.Deserializer.class)
        Instant deviceTime,
        @JsonProperty("gateway_time")
        @JsonSerialize(using = UtcMillis.Serializer.class)
        @JsonDeserialize(using = UtcMillis.Deserializer.class)
        Instant gatewayTime) {

    /** Truncates both instants to milliseconds. */
    public Timestamps {
        deviceTime = deviceTime == null ? null : deviceTime.truncatedTo(ChronoUnit.MILLIS);
        gatewayTime = gatewayTime == null ? null : gatewayTime.truncatedTo(ChronoUnit.MILLIS);
    }

    /** @return {@code gateway_time - device_time} in ms (the spec's {@code clock_skew_ms}), or {@code null} without a device time */
    public Long clockSkewMillis() {
        return deviceTime == null || gatewayTime == null ? null : gatewayTime.toEpochMilli() - deviceTime.toEpochMilli();
    }
}
