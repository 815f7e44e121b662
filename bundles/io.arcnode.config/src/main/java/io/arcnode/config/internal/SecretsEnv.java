package io.arcnode.config.internal;

import io.arcnode.config.api.ConfigException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Parser and holder of {@code secrets.env}.
 *
 * <p>Format: one {@code NAME=VALUE} per line; optional leading {@code export }; blank lines and
 * lines starting with {@code #} are ignored; the value is trimmed and one pair of matching
 * surrounding quotes ({@code "..."} or {@code '...'}) is removed (no escape processing, no inline
 * comments: a {@code #} inside a value is part of the value). An empty value means "not set".
 * Names must be in {@link #KNOWN_NAMES}; duplicates are an error.
 *
 * <p>No error message and no {@code toString()} ever contains a value.
 */
public final class SecretsEnv {

    /** The secret names ArcNode knows. template-secrets.env lists exactly these. */
    public static final List<String> KNOWN_NAMES = List.of(
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "PLATFORM_DB_PASSWORD",
            "SMTP_PASSWORD",
            "SINK_JDBC_PASSWORD",
            "SINK_KAFKA_SASL_JAAS_CONFIG",
            "SINK_KAFKA_SSL_KEYSTORE_PASSWORD",
            "SINK_KAFKA_SSL_TRUSTSTORE_PASSWORD",
            "SINK_KAFKA_SSL_KEY_PASSWORD",
            "SINK_HTTP_TOKEN",
            "SINK_HTTP_PASSWORD",
            "SINK_S3_ACCESS_KEY_ID",
            "SINK_S3_SECRET_ACCESS_KEY");

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, String> values;

    private SecretsEnv(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** No secrets at all. */
    public static SecretsEnv empty() {
        return new SecretsEnv(new LinkedHashMap<>());
    }

    /**
     * Reads {@code file}. A missing file yields {@link #empty()}.
     *
     * @param label the file name used in error messages
     */
    public static SecretsEnv read(Path file, String label) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return empty();
        } catch (IOException e) {
            // the exception message of an I/O error names the path only, never file content
            throw new ConfigException(label, null, "cannot read file (" + e.getClass().getSimpleName() + ")");
        }
        return parse(text, label);
    }

    /** Parses the text of a secrets.env file. */
    public static SecretsEnv parse(String text, String label) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> seenAt = new LinkedHashMap<>();
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            String where = "line " + lineNo;
            if (eq <= 0) {
                throw new ConfigException(label, where, "expected NAME=VALUE");
            }
            String name = line.substring(0, eq).strip();
            if (!NAME.matcher(name).matches()) {
                // do not echo: the text left of '=' might be a pasted value
                throw new ConfigException(label, where, "invalid name left of '=' (expected letters, digits, _)");
            }
            if (!KNOWN_NAMES.contains(name)) {
                throw new ConfigException(label, where,
                        "unknown secret name " + name + " (known: " + String.join(", ", KNOWN_NAMES) + ")");
            }
            if (seenAt.containsKey(name)) {
                throw new ConfigException(label, where,
                        "duplicate secret name " + name + " (first set at line " + seenAt.get(name) + ")");
            }
            seenAt.put(name, lineNo);
            String value = line.substring(eq + 1).strip();
            if (!value.isEmpty() && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
                char q = value.charAt(0);
                if (value.length() < 2 || value.charAt(value.length() - 1) != q) {
                    throw new ConfigException(label, where, "value of " + name + " has an unterminated quote");
                }
                value = value.substring(1, value.length() - 1);
            }
            if (!value.isEmpty()) {
                values.put(name, value);
            }
        }
        return new SecretsEnv(values);
    }

    /**
     * A secret value; empty when not set.
     *
     * @throws IllegalArgumentException for a name not in {@link #KNOWN_NAMES}
     */
    public Optional<String> get(String name) {
        if (!KNOWN_NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown secret name: " + name);
        }
        return Optional.ofNullable(values.get(name));
    }

    /** Names that have a (non-empty) value, sorted. */
    public Set<String> names() {
        return Collections.unmodifiableSet(new TreeSet<>(values.keySet()));
    }

    /** Names only, never values. */
    @Override
    public String toString() {
        return "SecretsEnv" + names();
    }
}
