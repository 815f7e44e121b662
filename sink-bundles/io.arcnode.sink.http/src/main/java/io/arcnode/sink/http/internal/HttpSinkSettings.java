package io.arcnode.sink.http.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The validated settings of section {@code sink_http} (PID {@code io.arcnode.sink_http}). The types are checked by
 * the configuration schema; the rules here are the ones it cannot express.
 *
 * @param enabled       whether the sink runs
 * @param url           where each batch is POSTed (http or https)
 * @param topics        the measurement topics consumed
 * @param headers       extra request headers, name to value
 * @param authorization the {@code Authorization} header value; {@code null}: none
 * @param timeout       connect timeout and the whole request's timeout
 * @param batchSize     records per poll and request
 * @param gatewayId     {@code gateway.gateway_id}, part of each record's id
 */
record HttpSinkSettings(boolean enabled, URI url, List<String> topics, Map<String, String> headers,
        String authorization, Duration timeout, int batchSize, String gatewayId) {

    /** Section name in the configuration. */
    static final String SECTION = "sink_http";
    /** Secret: the bearer token of {@code auth: bearer}. */
    static final String TOKEN_SECRET = "SINK_HTTP_TOKEN";
    /** Secret: the password of {@code auth: basic}. */
    static final String PASSWORD_SECRET = "SINK_HTTP_PASSWORD";

    /** Headers the sink sets itself, or the JDK client refuses (lower case). */
    static final Set<String> RESERVED = Set.of("authorization", "content-type", "content-length", "idempotency-key",
            "host", "connection", "expect", "upgrade", "transfer-encoding");

    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /** A setting breaks a rule; the message names the key and the rule. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String key, String rule) {
            super("configuration key " + SECTION + "." + key + ": " + rule);
        }
    }

    /**
     * @param props     the section's values (absent: not set)
     * @param gatewayId {@code gateway.gateway_id}
     * @param secrets   looks up {@value #TOKEN_SECRET} and {@value #PASSWORD_SECRET}
     */
    static HttpSinkSettings from(Map<String, ?> props, String gatewayId, Function<String, Optional<String>> secrets)
            throws Invalid {
        boolean enabled = Boolean.TRUE.equals(props.get("enabled"));
        Object u = props.get("url");
        URI url = null;
        if (u == null) {
            if (enabled) {
                throw new Invalid("url", "is required when " + SECTION + ".enabled is true");
            }
        } else {
            try {
                url = new URI(u.toString().strip());
            } catch (URISyntaxException e) {
                throw new Invalid("url", "'" + u + "' is not a URL: " + e.getReason());
            }
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
                throw new Invalid("url", "'" + u + "' must be an absolute http:// or https:// URL with a host");
            }
        }
        List<String> topics = new ArrayList<>();
        for (String t : String.valueOf(props.get("topics")).split(",")) {
            String topic = t.strip();
            if (!TOPIC.matcher(topic).matches()) {
                throw new Invalid("topics", "'" + topic + "' is not a topic name (comma separated list)");
            }
            if (!topics.contains(topic)) {
                topics.add(topic);
            }
        }
        Map<String, String> headers = headers(props.get("headers"));
        String auth = props.get("auth") == null ? "none" : props.get("auth").toString();
        String authorization;
        switch (auth) {
            case "none":
                authorization = null;
                break;
            case "bearer":
                authorization = "Bearer " + required(secrets, TOKEN_SECRET, enabled, auth);
                break;
            case "basic":
                Object user = props.get("user");
                if (user == null || user.toString().isBlank() || user.toString().contains(":")) {
                    throw new Invalid("user", "is required when " + SECTION + ".auth is basic (no ':' in it)");
                }
                String password = required(secrets, PASSWORD_SECRET, enabled, auth);
                authorization = "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
                break;
            default:
                throw new Invalid("auth", "must be one of none, bearer, basic");
        }
        int timeoutMs = number(props, "timeout_ms", 1000, 300_000);
        int batch = number(props, "batch_size", 1, 10_000);
        return new HttpSinkSettings(enabled, url, List.copyOf(topics), headers, authorization,
                Duration.ofMillis(timeoutMs), batch, gatewayId);
    }

    /** Without the authorization's value. */
    @Override
    public String toString() {
        return "sink_http[" + url + ", topics " + topics + ", headers " + headers.keySet() + ", auth "
                + (authorization == null ? "none" : authorization.substring(0, authorization.indexOf(' ')))
                + ", timeout " + timeout + ", batch " + batchSize + "]";
    }

    private static String required(Function<String, Optional<String>> secrets, String name, boolean enabled,
            String auth) throws Invalid {
        Optional<String> v = secrets.apply(name);
        if (v.isEmpty() && enabled) {
            throw new Invalid("auth", "is " + auth + " but the secret " + name + " is not set in secrets.env");
        }
        return v.orElse("");
    }

    /** Parses {@code Name: value; Name2: value2}; null or blank: none. */
    static Map<String, String> headers(Object value) throws Invalid {
        Map<String, String> out = new LinkedHashMap<>();
        if (value == null || value.toString().isBlank()) {
            return Map.of();
        }
        for (String item : value.toString().split(";")) {
            if (item.isBlank()) {
                continue;
            }
            int at = item.indexOf(':');
            String name = at < 0 ? item.strip() : item.substring(0, at).strip();
            if (at <= 0 || !TOKEN.matcher(name).matches()) {
                throw new Invalid("headers", "'" + item.strip() + "' must be Name: value (a header name of letters,"
                        + " digits and -; items separated by ';')");
            }
            String v = item.substring(at + 1).strip();
            if (v.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
                throw new Invalid("headers", "the value of '" + name + "' holds a control character");
            }
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new Invalid("headers", "'" + name + "' is set by the sink itself (auth: bearer/basic for"
                        + " Authorization)");
            }
            if (out.keySet().stream().anyMatch(name::equalsIgnoreCase)) {
                throw new Invalid("headers", "'" + name + "' is given twice");
            }
            out.put(name, v);
        }
        return Map.copyOf(out);
    }

    private static int number(Map<String, ?> props, String key, int min, int max) throws Invalid {
        Object v = props.get(key);
        if (!(v instanceof Number n) || n.intValue() < min || n.intValue() > max) {
            throw new Invalid(key, "must be an integer between " + min + " and " + max);
        }
        return n.intValue();
    }
}
