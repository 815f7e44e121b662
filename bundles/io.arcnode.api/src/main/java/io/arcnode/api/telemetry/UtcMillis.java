package io.arcnode.api.telemetry;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The contract's timestamp format: ISO-8601, UTC, always exactly three fraction digits, suffix
 * {@code Z}, e.g. {@code 2026-01-29T10:00:00.123Z}. Implemented here (with the Jackson
 * {@link Serializer}/{@link Deserializer} used by {@link Timestamps}) so the bundle needs no
 * {@code jackson-datatype-jsr310}.
 *
 * <p>Parsing accepts any ISO-8601 date-time with an offset ({@code Z} or {@code +hh:mm}) and any number
 * of fraction digits; the instant is converted to UTC and truncated to milliseconds. A date-time
 * without offset is rejected (it would be ambiguous).
 */
public final class UtcMillis {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private UtcMillis() {
    }

    /** @return {@code instant} formatted as e.g. {@code 2026-01-29T10:00:00.123Z} (sub-millisecond digits dropped) */
    public static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * @return the instant, truncated to milliseconds
     * @throws DateTimeParseException if {@code text} is not an ISO-8601 date-time with offset
     */
    public static Instant parse(String text) {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()
                .truncatedTo(ChronoUnit.MILLIS);
    }

    /** Writes an {@link Instant} with {@link #format(Instant)}. */
    public static final class Serializer extends StdSerializer<Instant> {
        private static final long serialVersionUID = 1L;

        /** Used by Jackson. */
        public Serializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(format(value));
        }
    }

    /** Reads an {@link Instant} with {@link #parse(String)}; only JSON strings are accepted. */
    public static final class Deserializer extends StdDeserializer<Instant> {
        private static final long serialVersionUID = 1L;

        /** Used by Jackson. */
        public Deserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            String text = p.getText();
            try {
                return parse(text);
            } catch (DateTimeParseException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text,
                        "expected an ISO-8601 date-time with offset such as 2026-01-29T10:00:00.123Z");
            }
        }
    }
}
