package io.arcnode.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.function.Function;

/**
 * Base of the Jackson deserialisers attached to the contract's top-level records: reads the value as a
 * tree and hands it to the contract's validating parser, so {@code mapper.readValue(json, X.class)}
 * enforces exactly the same rules as {@code Xs.parse(json)} and throws {@link ValidationException}
 * (possibly wrapped by Jackson when the record is nested inside another bean).
 *
 * @param <T> the record type
 */
public abstract class ValidatingDeserializer<T> extends StdDeserializer<T> {

    private static final long serialVersionUID = 1L;

    private final transient Function<JsonNode, T> parser;

    /**
     * @param type   the record type
     * @param parser validating parser from tree to record
     */
    protected ValidatingDeserializer(Class<T> type, Function<JsonNode, T> parser) {
        super(type);
        this.parser = parser;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode tree = ctxt.readTree(p);
        return parser.apply(tree);
    }

    @Override
    public T getNullValue(DeserializationContext ctxt) {
        return null;
    }
}
