package io.arcnode.api.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.FieldReader;
import io.arcnode.api.ValidatingDeserializer;
import io.arcnode.api.ValidationException;
import io.arcnode.api.Violation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Validating parser for {@link Measurement}.
 *
 * <p>Rules: {@code asset_id} and {@code parameter} required non-blank strings ({@code min_length=1});
 * {@code unit} required string (may be empty for dimensionless values); {@code value} a finite number;
 * {@code quality}, {@code classification} strict upper-case enums; {@code timestamps} required object
 * with required {@code gateway_time} and nullable/optional {@code device_time}, both ISO-8601 date-times
 * with offset (rule {@code datetime}); {@code metadata} optional object of strings (absent means
 * empty); unknown fields rejected at every level.
 */
public final class Measurements {

    private Measurements() {
    }

    /**
     * Parses and validates a JSON text.
     *
     * @throws ValidationException listing every violation (rule {@code json} for malformed text)
     */
    public static Measurement parse(String json) {
        return parse(ArcnodeJson.readTree(json));
    }

    /**
     * Validates a JSON tree and binds it.
     *
     * @throws ValidationException listing every violation
     */
    public static Measurement parse(JsonNode json) {
        List<Violation> violations = new ArrayList<>();
        FieldReader r = FieldReader.of(json, "", "Measurement", violations);
        if (r == null) {
            throw new ValidationException(violations);
        }
        Measurement m = new Measurement(
                r.nonEmptyString("asset_id"),
                r.nonEmptyString("parameter"),
                r.number("value"),
                r.string("unit"),
                r.enumValue("quality", Quality.class),
                r.enumValue("classification", Classification.class),
                timestamps(r.object("timestamps", "Timestamps")),
                r.stringMapOrEmpty("metadata"));
        r.finish();
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return m;
    }

    private static Timestamps timestamps(FieldReader r) {
        if (r == null) {
            return null;
        }
        Instant device = instant(r, "device_time", r.nullableString("device_time"));
        Instant gateway = instant(r, "gateway_time", r.string("gateway_time"));
        r.finish();
        return new Timestamps(device, gateway);
    }

    private static Instant instant(FieldReader r, String name, String text) {
        if (text == null) {
            return null;
        }
        try {
            return UtcMillis.parse(text);
        } catch (DateTimeParseException e) {
            r.violation(name, "datetime", r.path(name)
                    + " must be an ISO-8601 date-time with offset like 2026-01-29T10:00:00.123Z (got '" + text + "')");
            return null;
        }
    }

    /** Jackson deserialiser routing {@link Measurement} through {@link #parse(JsonNode)}. */
    public static final class Deserializer extends ValidatingDeserializer<Measurement> {
        private static final long serialVersionUID = 1L;

        /** Used by Jackson. */
        public Deserializer() {
            super(Measurement.class, Measurements::parse);
        }
    }
}
