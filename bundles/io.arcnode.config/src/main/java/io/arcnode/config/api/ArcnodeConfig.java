package io.arcnode.config.api;

import java.util.Map;
import java.util.Optional;

/**
 * Immutable view of the merged, validated ArcNode configuration (stage block of
 * {@code cfg.defaults.yml}, deep-merged with the optional customer file, plus secrets).
 *
 * <p>Keys whose value is {@code null} or that are absent (optional keys) are not contained in
 * the section maps, exactly as in the ConfigAdmin configurations. Values are {@link String},
 * {@link Integer}, {@link Boolean} or {@link Double}.
 *
 * <p>Implementations never include secret values in {@code toString()}.
 */
public interface ArcnodeConfig {

    /** Prefix of the ConfigAdmin PIDs: section {@code http} is published as PID {@code io.arcnode.http}. */
    String PID_PREFIX = "io.arcnode.";

    /** The ConfigAdmin PID of a section, e.g. {@code pid("http")} is {@code "io.arcnode.http"}. */
    static String pid(String section) {
        return PID_PREFIX + section;
    }

    /** The selected stage: {@code local}, {@code demo} or {@code beta}. */
    String stage();

    /** All sections (unmodifiable, in schema order), each an unmodifiable map key -> value. */
    Map<String, Map<String, Object>> sections();

    /**
     * One section (unmodifiable).
     *
     * @throws IllegalArgumentException if there is no such section
     */
    default Map<String, Object> section(String name) {
        Map<String, Object> s = sections().get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown configuration section: " + name);
        }
        return s;
    }

    /**
     * A secret from {@code secrets.env}; empty when not set (or set to an empty value).
     *
     * @throws IllegalArgumentException if {@code name} is not one of the known secret names
     */
    Optional<String> secret(String name);
}
