package io.arcnode.config.api;

/**
 * A configuration error that stops startup. {@link #getMessage()} is one line:
 * {@code <file>: <keyPath>: <rule>}, e.g.
 * {@code cfg.defaults.yml: demo.http.port: must be an integer between 1 and 65535 (got "eighty")}.
 * When the error has no key path (e.g. a YAML syntax error) the message is {@code <file>: <rule>}.
 *
 * <p>The message never contains a secret value.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String keyPath;
    private final String rule;

    public ConfigException(String file, String keyPath, String rule) {
        this(file, keyPath, rule, null);
    }

    public ConfigException(String file, String keyPath, String rule, Throwable cause) {
        super(format(file, keyPath, rule), cause);
        this.file = file;
        this.keyPath = keyPath;
        this.rule = rule;
    }

    private static String format(String file, String keyPath, String rule) {
        StringBuilder sb = new StringBuilder();
        sb.append(file);
        if (keyPath != null && !keyPath.isEmpty()) {
            sb.append(": ").append(keyPath);
        }
        sb.append(": ").append(rule);
        return sb.toString();
    }

    /** The file (as configured, e.g. {@code cfg.defaults.yml}) or the environment variable / property source. */
    public String file() {
        return file;
    }

    /** Dotted key path such as {@code demo.http.port}; {@code null} when not applicable. */
    public String keyPath() {
        return keyPath;
    }

    /** The violated rule, e.g. {@code must be an integer between 1 and 65535 (got "eighty")}. */
    public String rule() {
        return rule;
    }
}
