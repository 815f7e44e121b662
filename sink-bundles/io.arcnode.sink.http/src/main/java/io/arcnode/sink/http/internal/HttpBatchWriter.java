package io.arcnode.sink.http.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcnode.sink.api.SinkException;
import io.arcnode.sink.api.SinkWriter;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * POSTs each batch as one JSON array ({@link #body}) to the configured URL with the configured headers, the
 * authorization, {@code Content-Type: application/json} and an {@code Idempotency-Key} ({@link #idempotencyKey}:
 * the same records give the same key, so a receiver can drop a replayed batch; each record also carries its stable
 * {@code id}).
 *
 * <p>Answers: 2xx: stored. 5xx, 408, a connect failure, a timeout: retryable. 429: retryable, and the next request
 * goes only after its {@code Retry-After} (seconds or an HTTP date; the writer waits at most {@link #MAX_WAIT} per
 * write, then reports the batch retryable again without sending). Any other 4xx: permanent, with the status and
 * the start of the response body, so the loop writes the records one by one and dead-letters those refused.
 * Other statuses (1xx, 3xx not followed): retryable. At most {@value #EXCERPT_BYTES} bytes of a response body are
 * read.
 */
final class HttpBatchWriter implements SinkWriter<HttpRecord> {

    /** Waits before a request, e.g. until a Retry-After passed; tests pass one that only advances their clock. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** The longest a write waits for a Retry-After (the loop's close waits 30 s for its thread). */
    static final Duration MAX_WAIT = Duration.ofSeconds(20);
    /** The longest Retry-After honoured; a longer one is shortened to this. */
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);
    static final int EXCERPT_BYTES = 1024;
    private static final int EXCERPT_CHARS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpSinkSettings settings;
    private final HttpClient client;
    private final Clock clock;
    private final Sleeper sleeper;
    private Instant notBefore = Instant.MIN;

    HttpBatchWriter(HttpSinkSettings settings, Clock clock, Sleeper sleeper) {
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public void write(List<HttpRecord> batch) throws SinkException {
        try {
            Duration wait = Duration.between(clock.instant(), notBefore);
            if (!wait.isNegative() && !wait.isZero()) {
                sleeper.sleep(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait);
                if (clock.instant().isBefore(notBefore)) {
                    throw SinkException.retryable("HTTP 429: Retry-After until " + notBefore + " not over", null);
                }
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(settings.url()).timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", idempotencyKey(batch))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body(batch)));
            settings.headers().forEach(b::header);
            if (settings.authorization() != null) {
                b.header("Authorization", settings.authorization());
            }
            HttpResponse<InputStream> response = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            String excerpt = excerpt(response.body());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return;
            }
            String message = "HTTP " + status + " from " + settings.url() + (excerpt.isEmpty() ? "" : ": " + excerpt);
            if (status == 429) {
                retryAfter(response.headers().firstValue("Retry-After"))
                        .ifPresent(d -> notBefore = clock.instant().plus(d));
                throw SinkException.retryable(message, null);
            }
            if (status >= 400 && status < 500 && status != 408) {
                throw SinkException.permanent(message, null);
            }
            throw SinkException.retryable(message, null);
        } catch (HttpTimeoutException e) {
            throw SinkException.retryable("no answer from " + settings.url() + " within " + settings.timeout(), e);
        } catch (IOException e) {
            throw SinkException.retryable(settings.url() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SinkException.retryable("interrupted", e);
        }
    }

    /**
     * The request body: a JSON array, one object per record, in stream order per partition:
     * {@code {"id": "<gateway>:<topic>:<partition>:<offset>", "gateway_id", "topic", "partition", "offset",
     * "measurement": {asset_id, parameter, value, unit, quality, classification, timestamps: {device_time,
     * gateway_time}, metadata}}} (the measurement as the platform's REST API writes it).
     */
    static byte[] body(List<HttpRecord> batch) {
        ArrayNode array = JSON.createArrayNode();
        for (HttpRecord r : batch) {
            ObjectNode o = array.addObject();
            o.put("id", r.id());
            o.put("gateway_id", r.gatewayId());
            o.put("topic", r.topic());
            o.put("partition", r.partition());
            o.put("offset", r.offset());
            o.set("measurement", JSON.valueToTree(r.measurement()));
        }
        try {
            return JSON.writeValueAsBytes(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree is always writable", e);
        }
    }

    /** @return SHA-256 (hex) of the records' ids, one per line: the same records always give the same key */
    static String idempotencyKey(List<HttpRecord> batch) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (HttpRecord r : batch) {
                sha.update((r.id() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** @return the wait a Retry-After asks for (delay seconds or an HTTP date), at most {@link #MAX_RETRY_AFTER} */
    Optional<Duration> retryAfter(Optional<String> header) {
        if (header.isEmpty() || header.get().isBlank()) {
            return Optional.empty();
        }
        String v = header.get().strip();
        Duration d;
        try {
            d = Duration.ofSeconds(Long.parseLong(v));
        } catch (NumberFormatException e) {
            try {
                d = Duration.between(clock.instant(),
                        ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeException notADate) {
                return Optional.empty();
            }
        }
        if (d.isNegative()) {
            return Optional.of(Duration.ZERO);
        }
        return Optional.of(d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d);
    }

    /** Reads at most {@value #EXCERPT_BYTES} bytes of the body, discards the rest. */
    private static String excerpt(InputStream body) throws IOException {
        try (InputStream in = body) {
            byte[] head = in.readNBytes(EXCERPT_BYTES);
            String s = new String(head, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
            return s.length() > EXCERPT_CHARS ? s.substring(0, EXCERPT_CHARS) + "..." : s;
        }
    }
}
