package io.arcnode.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Factory for the single shared Jackson {@link ObjectMapper} of ArcNode.
 *
 * <p>Configuration (deterministic: same value, same bytes):
 * <ul>
 *   <li>properties in declared order (every contract record also carries an explicit
 *       {@code @JsonPropertyOrder}); map entries sorted by key;</li>
 *   <li>{@code null} values are written, not dropped;</li>
 *   <li>compact output by default ({@link #prettyWriter()} for humans);</li>
 *   <li>reading is strict: duplicate keys, trailing tokens, unknown properties, numbers for enums and
 *       null for primitives are errors; non-numeric numbers (NaN, Infinity) are not accepted.</li>
 * </ul>
 * The shared instance must not be reconfigured; use {@link #newMapper()} for a private copy.
 */
public final class ArcnodeJson {

    private static final ObjectMapper MAPPER = newMapper();
    private static final ObjectWriter COMPACT = MAPPER.writer();
    private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();
    private static final DefaultIndenter LF_INDENT = new DefaultIndenter("  ", "\n");
    private static final ObjectWriter DOCUMENT = MAPPER.writer(new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(LF_INDENT)
            .withArrayIndenter(LF_INDENT));

    private ArcnodeJson() {
    }

    /** @return the shared, configured mapper (thread-safe; do not reconfigure it) */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** @return a new mapper with the same configuration, free to be customised by the caller */
    public static ObjectMapper newMapper() {
        // Only packages com.fasterxml.jackson.{annotation,core,core.util,databind} are used here on purpose
        // (no databind.json / databind.cfg), to keep the bundle's Import-Package small.
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        ObjectMapper mapper = new ObjectMapper(factory);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        mapper.disable(SerializationFeature.INDENT_OUTPUT, SerializationFeature.FAIL_ON_EMPTY_BEANS);
        mapper.setSerializationInclusion(JsonInclude.Include.ALWAYS);
        return mapper;
    }

    /** @return a compact writer of the shared mapper */
    public static ObjectWriter writer() {
        return COMPACT;
    }

    /** @return a pretty-printing writer of the shared mapper (for logs and humans, not for hashing) */
    public static ObjectWriter prettyWriter() {
        return PRETTY;
    }

    /**
     * Serialises {@code value} to compact JSON.
     *
     * @throws UncheckedIOException if Jackson cannot serialise the value
     */
    public static String write(Object value) {
        try {
            return COMPACT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The bytes of a JSON document artifact (dtm.json, bom.json, ...): the shared mapper's property order,
     * pretty-printed with two-space indent, LF line ends on every platform (Jackson's default indenter uses the
     * system line separator), {@code "key": value}, and a trailing newline. Same value, same bytes.
     *
     * @throws UncheckedIOException if Jackson cannot serialise the value
     */
    public static byte[] documentBytes(Object value) {
        try {
            byte[] json = DOCUMENT.writeValueAsBytes(value);
            byte[] out = Arrays.copyOf(json, json.length + 1);
            out[json.length] = '\n';
            return out;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a JSON text into a tree with the strict settings of the shared mapper.
     *
     * @throws ValidationException with rule {@code json} if the text is null, empty or not well-formed JSON
     */
    public static JsonNode readTree(String json) {
        if (json == null) {
            throw new ValidationException(new Violation("", "json", "document is null"));
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ValidationException(new Violation("", "json", "malformed JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")")));
        }
        if (node == null || node.isMissingNode()) {
            throw new ValidationException(new Violation("", "json", "document is empty"));
        }
        return node;
    }
}
