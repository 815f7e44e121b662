package io.arcnode.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * One problem found while validating a document.
 *
 * @param field   JSON path of the offending field, e.g. {@code source_capacity_mw} or
 *                {@code devices[2].module_id}; the empty string for a rule about the whole document
 *                ({@code null} is normalised to {@code ""})
 * @param rule    short, stable rule id such as {@code required}, {@code type}, {@code enum},
 *                {@code gt=0}, {@code unknown_field} or a model rule name like {@code bess_consistency}
 * @param message a sentence a person can act on
 */
@JsonPropertyOrder({"field", "rule", "message"})
public record Violation(String field, String rule, String message) {

    /** Normalises a {@code null} field to {@code ""} and rejects a missing rule or message. */
    public Violation {
        field = field == null ? "" : field;
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    /** @return {@code true} when this violation is about the whole document rather than one field */
    @JsonIgnore
    public boolean isModelRule() {
        return field.isEmpty();
    }

    /** @return a one-line description, e.g. {@code source_capacity_mw [gt=0]: source_capacity_mw must be ...} */
    @Override
    public String toString() {
        return (field.isEmpty() ? "<document>" : field) + " [" + rule + "]: " + message;
    }
}
