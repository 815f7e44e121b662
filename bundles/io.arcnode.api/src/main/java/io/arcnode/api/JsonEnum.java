package io.arcnode.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Implemented by every contract enum: each constant has exactly one JSON value (its
 * {@link #json()}), and parsing is strict (unknown values are errors, never mapped to a fallback).
 */
public interface JsonEnum {

    /** @return the exact JSON string of this constant */
    String json();

    /**
     * Strict lookup by JSON value (case-sensitive).
     *
     * @throws IllegalArgumentException if {@code value} is {@code null} or not a JSON value of {@code type};
     *                                  the message lists the allowed values
     */
    static <E extends Enum<E> & JsonEnum> E fromJson(Class<E> type, String value) {
        Objects.requireNonNull(type, "type");
        if (value != null) {
            for (E e : type.getEnumConstants()) {
                if (e.json().equals(value)) {
                    return e;
                }
            }
        }
        throw new IllegalArgumentException(type.getSimpleName() + " must be one of " + allowedValues(type)
                + " (got " + (value == null ? "null" : "'" + value + "'") + ")");
    }

    /** @return the JSON values of {@code type} in declaration order */
    static <E extends Enum<E> & JsonEnum> List<String> allowedValues(Class<E> type) {
        List<String> out = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            out.add(e.json());
        }
        return List.copyOf(out);
    }
}
