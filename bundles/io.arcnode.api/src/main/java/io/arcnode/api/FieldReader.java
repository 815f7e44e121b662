package io.arcnode.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads typed values out of one JSON object while collecting every {@link Violation} into a shared
 * sink, so a whole document can be checked in one pass and all problems reported together.
 *
 * <p>Conventions (identical for every ArcNode contract):
 * <ul>
 *   <li>absent field or JSON {@code null} for a required field: rule {@code required};</li>
 *   <li>wrong JSON type: rule {@code type} (strings are never numbers, booleans are never numbers,
 *       an integer field needs an integral JSON number that fits in 32 bits; a float field accepts integers);</li>
 *   <li>a float that is NaN or infinite: rule {@code finite};</li>
 *   <li>unknown enum value: rule {@code enum}, the message lists the allowed values;</li>
 *   <li>fields of the object that were never read: rule {@code unknown_field}, reported by {@link #finish()}.</li>
 * </ul>
 * Every read method returns a placeholder ({@code null}, {@code 0}, {@code NaN}, {@code false}) when
 * the field is invalid; callers build their result anyway and throw when the sink is not empty.
 * {@link #valid(String...)} tells whether fields were read without a violation, so cross-field
 * (model) rules run only on individually valid fields. Not thread-safe.
 */
public final class FieldReader {

    private static final Pattern UUID_PATTERN = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final String ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern EMAIL_PATTERN = Pattern.compile(
            "^" + ATEXT + "(?:\\." + ATEXT + ")*@(?:" + LABEL + "\\.)+[A-Za-z]{2,63}$");

    private final JsonNode node;
    private final String path;
    private final String typeName;
    private final List<Violation> sink;
    private final Set<String> consumed = new HashSet<>();
    private final Set<String> invalid = new HashSet<>();

    private FieldReader(JsonNode node, String path, String typeName, List<Violation> sink) {
        this.node = node;
        this.path = path;
        this.typeName = typeName;
        this.sink = sink;
    }

    /**
     * Starts reading {@code node} as an object.
     *
     * @param node     the JSON value; if it is not an object a {@code type} (or {@code required} for
     *                 null/missing) violation is added and {@code null} is returned
     * @param path     JSON path of {@code node} ({@code ""} for the document root)
     * @param typeName contract type name used in messages, e.g. {@code ConfiguratorPayload}
     * @param sink     where violations are collected
     * @return a reader, or {@code null} when {@code node} is not an object
     */
    public static FieldReader of(JsonNode node, String path, String typeName, List<Violation> sink) {
        Objects.requireNonNull(sink, "sink");
        String p = path == null ? "" : path;
        if (node == null || node.isNull() || node.isMissingNode()) {
            sink.add(new Violation(p, "required", label(p, typeName) + " is required"));
            return null;
        }
        if (!node.isObject()) {
            sink.add(new Violation(p, "type", label(p, typeName) + " must be a JSON object (got " + describe(node) + ")"));
            return null;
        }
        return new FieldReader(node, p, typeName, sink);
    }

    private static String label(String path, String typeName) {
        return path.isEmpty() ? "the " + typeName + " document" : path;
    }

    /** @return the JSON path of field {@code name} of this object */
    public String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** @return the JSON path of this object ({@code ""} for the root) */
    public String path() {
        return path;
    }

    /** @return the shared violation sink */
    public List<Violation> sink() {
        return sink;
    }

    /** @return {@code true} if the object has field {@code name} (even when its value is null) */
    public boolean has(String name) {
        return node.has(name);
    }

    /**
     * @return {@code true} when every named field was read and produced no violation (so model rules
     *         depending on them may run)
     */
    public boolean valid(String... names) {
        for (String n : names) {
            if (!consumed.contains(n) || invalid.contains(n)) {
                return false;
            }
        }
        return true;
    }

    /** Adds a violation about field {@code name} of this object and marks the field invalid. */
    public void violation(String name, String rule, String message) {
        invalid.add(name);
        consumed.add(name);
        sink.add(new Violation(path(name), rule, message));
    }

    /**
     * Adds a constraint violation for field {@code name} when {@code ok} is false and the field is so far
     * valid (so one field never gets a type error and a range error at once).
     *
     * @return {@code ok}
     */
    public boolean check(String name, boolean ok, String rule, String message) {
        if (!ok && valid(name)) {
            violation(name, rule, message);
        }
        return ok;
    }

    // ---------------------------------------------------------------- raw access

    /** Marks {@code name} as known and returns its raw value ({@code null} when absent). */
    public JsonNode raw(String name) {
        consumed.add(name);
        return node.get(name);
    }

    private JsonNode required(String name) {
        JsonNode v = raw(name);
        if (v == null || v.isMissingNode()) {
            violation(name, "required", path(name) + " is required");
            return null;
        }
        if (v.isNull()) {
            violation(name, "required", path(name) + " is required (got null)");
            return null;
        }
        return v;
    }

    private void typeError(String name, String expected, JsonNode got) {
        violation(name, "type", path(name) + " must be " + expected + " (got " + describe(got) + ")");
    }

    // ---------------------------------------------------------------- strings

    /** Required string. */
    public String string(String name) {
        JsonNode v = required(name);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            typeError(name, "a string", v);
            return null;
        }
        return v.textValue();
    }

    /** Required string with at least one non-whitespace character (rule {@code min_length=1}). */
    public String nonEmptyString(String name) {
        String s = string(name);
        if (s != null && s.isBlank()) {
            violation(name, "min_length=1", path(name) + " must not be empty or blank");
            return null;
        }
        return s;
    }

    /** Optional, nullable string: absent or JSON null give {@code null}. */
    public String nullableString(String name) {
        JsonNode v = raw(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            typeError(name, "a string or null", v);
            return null;
        }
        return v.textValue();
    }

    /** Optional string with a default when absent; explicit JSON null is {@code required}. */
    public String stringOr(String name, String defaultValue) {
        return has(name) ? string(name) : markDefault(name, defaultValue);
    }

    private <T> T markDefault(String name, T value) {
        consumed.add(name);
        return value;
    }

    /** Required UUID in canonical 8-4-4-4-12 hex form (rule {@code uuid}). */
    public UUID uuid(String name) {
        String s = string(name);
        if (s == null) {
            return null;
        }
        if (!UUID_PATTERN.matcher(s).matches()) {
            violation(name, "uuid", path(name) + " must be a UUID like 123e4567-e89b-12d3-a456-426614174000 (got '"
                    + abbreviate(s) + "')");
            return null;
        }
        return UUID.fromString(s);
    }

    /** Required e-mail address: {@code local@domain.tld}, no spaces (rule {@code email}). */
    public String email(String name) {
        String s = string(name);
        if (s == null) {
            return null;
        }
        if (s.length() > 254 || !EMAIL_PATTERN.matcher(s).matches() || s.indexOf('@') > 64) {
            violation(name, "email", path(name) + " must be an e-mail address like ops@example.com (got '"
                    + abbreviate(s) + "')");
            return null;
        }
        return s;
    }

    // ---------------------------------------------------------------- numbers and booleans

    /** Required finite float; JSON integers are accepted. Returns NaN when invalid. */
    public double number(String name) {
        JsonNode v = required(name);
        if (v == null) {
            return Double.NaN;
        }
        if (!v.isNumber()) {
            typeError(name, "a number", v);
            return Double.NaN;
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            violation(name, "finite", path(name) + " must be a finite number (got " + d + ")");
            return Double.NaN;
        }
        return d;
    }

    /** Required 32-bit integer; floats such as {@code 3.5} or {@code 3.0} are rejected. Returns 0 when invalid. */
    public int integer(String name) {
        JsonNode v = required(name);
        if (v == null) {
            return 0;
        }
        if (!v.isIntegralNumber()) {
            typeError(name, "an integer", v);
            return 0;
        }
        if (!v.canConvertToInt()) {
            typeError(name, "a 32-bit integer", v);
            return 0;
        }
        return v.intValue();
    }

    /** Required boolean. Returns {@code false} when invalid. */
    public boolean bool(String name) {
        JsonNode v = required(name);
        if (v == null) {
            return false;
        }
        if (!v.isBoolean()) {
            typeError(name, "a boolean", v);
            return false;
        }
        return v.booleanValue();
    }

    /** Adds {@code gt=<bound>} when a valid number is not greater than {@code bound}. */
    public void greaterThan(String name, double value, double bound) {
        check(name, value > bound, "gt=" + fmt(bound),
                path(name) + " must be greater than " + fmt(bound) + " (got " + value + ")");
    }

    /** Adds {@code ge=<bound>} when a valid number is below {@code bound}. */
    public void atLeast(String name, double value, double bound, boolean integral) {
        check(name, value >= bound, "ge=" + fmt(bound), path(name) + " must be greater than or equal to "
                + fmt(bound) + " (got " + (integral ? String.valueOf((long) value) : String.valueOf(value)) + ")");
    }

    /** Adds {@code le=<bound>} when a valid number is above {@code bound}. */
    public void atMost(String name, double value, double bound, boolean integral) {
        check(name, value <= bound, "le=" + fmt(bound), path(name) + " must be less than or equal to "
                + fmt(bound) + " (got " + (integral ? String.valueOf((long) value) : String.valueOf(value)) + ")");
    }

    private static String fmt(double bound) {
        return bound == Math.rint(bound) ? String.valueOf((long) bound) : String.valueOf(bound);
    }

    // ---------------------------------------------------------------- enums

    /** Required enum value (rule {@code enum} when unknown). */
    public <E extends Enum<E> & JsonEnum> E enumValue(String name, Class<E> type) {
        return enumValue(name, type, "enum");
    }

    /**
     * Required enum value reported under a custom rule id (e.g. {@code discriminator} for a union tag).
     */
    public <E extends Enum<E> & JsonEnum> E enumValue(String name, Class<E> type, String rule) {
        String s = string(name);
        if (s == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.json().equals(s)) {
                return e;
            }
        }
        violation(name, rule, path(name) + " must be one of " + JsonEnum.allowedValues(type)
                + " (got '" + abbreviate(s) + "')");
        return null;
    }

    /** Optional enum value with a default when absent; explicit JSON null is {@code required}. */
    public <E extends Enum<E> & JsonEnum> E enumValueOr(String name, Class<E> type, E defaultValue) {
        return has(name) ? enumValue(name, type) : markDefault(name, defaultValue);
    }

    // ---------------------------------------------------------------- nested structures

    /** Required nested object; returns a reader for it or {@code null} (violation added) when not an object. */
    public FieldReader object(String name, String nestedTypeName) {
        JsonNode v = required(name);
        if (v == null) {
            return null;
        }
        FieldReader r = of(v, path(name), nestedTypeName, sink);
        if (r == null) {
            invalid.add(name);
        }
        return r;
    }

    /**
     * Required array of objects. Each element is handed to {@code mapper} through its own reader, after
     * which unknown fields of the element are reported. Non-object elements are reported and skipped.
     *
     * @return the mapped elements (possibly partial when violations were found), or {@code null} when the
     *         field is missing or not an array
     */
    public <T> List<T> objectList(String name, String elementTypeName, Function<FieldReader, T> mapper) {
        JsonNode v = required(name);
        if (v == null) {
            return null;
        }
        if (!v.isArray()) {
            typeError(name, "an array", v);
            return null;
        }
        List<T> out = new ArrayList<>(v.size());
        int before = sink.size();
        for (int i = 0; i < v.size(); i++) {
            FieldReader r = of(v.get(i), path(name) + "[" + i + "]", elementTypeName, sink);
            if (r != null) {
                out.add(mapper.apply(r));
                r.finish();
            }
        }
        if (sink.size() > before) {
            invalid.add(name);
        }
        return out;
    }

    /**
     * Optional object of string values (e.g. metadata). Absent gives an empty map; JSON null is
     * {@code required}; non-string values are {@code type} violations.
     *
     * @return an insertion-ordered map, or {@code null} when invalid
     */
    public Map<String, String> stringMapOrEmpty(String name) {
        if (!has(name)) {
            return markDefault(name, Collections.emptyMap());
        }
        JsonNode v = required(name);
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            typeError(name, "an object of strings", v);
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        boolean ok = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                ok = false;
                sink.add(new Violation(path(name) + "." + e.getKey(), "type", path(name) + "." + e.getKey()
                        + " must be a string (got " + describe(e.getValue()) + ")"));
            } else {
                out.put(e.getKey(), e.getValue().textValue());
            }
        }
        if (!ok) {
            invalid.add(name);
            return null;
        }
        return out;
    }

    /** Reports every field of this object that was never read as {@code unknown_field}. */
    public void finish() {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!consumed.contains(f)) {
                sink.add(new Violation(path(f), "unknown_field", "'" + abbreviate(f) + "' is not a field of "
                        + typeName + (path.isEmpty() ? "" : " at " + path) + " (check the spelling)"));
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** @return a short human description of a JSON value for messages, e.g. {@code string "abc"} */
    public static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        if (v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            return "string \"" + abbreviate(v.textValue()) + "\"";
        }
        if (v.isBoolean()) {
            return "boolean " + v.booleanValue();
        }
        if (v.isNumber()) {
            return "number " + v.asText();
        }
        if (v.isArray()) {
            return "array";
        }
        if (v.isObject()) {
            return "object";
        }
        return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
