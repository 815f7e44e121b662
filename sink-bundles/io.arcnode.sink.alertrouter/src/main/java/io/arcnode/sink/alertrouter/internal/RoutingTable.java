package io.arcnode.sink.alertrouter.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routing table of spec 004 ("Alert Routing"), from the YAML file named by {@code sink_alertrouter.routes_file}:
 *
 * <pre>
 * destinations:
 *   oncall: {webhook: "https://hooks.example.com/T1", format: slack}   # format: slack (default) or json
 *   ops:    {email: [ops@example.com, lead@example.com]}
 * routes:
 *   - {severity: CRITICAL, destinations: [oncall, ops]}
 *   - {severity: HIGH, destinations: [oncall]}
 *   - {severity: [MEDIUM, LOW], destinations: [ops], digest_interval: 15min}
 * </pre>
 *
 * A notice goes to every route whose severities hold its severity (none: it is not routed, which is logged once per
 * severity). {@code digest_interval} ({@code <n>s}, {@code <n>min}, {@code <n>h}, at least 1 s) collects the
 * notices of that route into one message per interval. Unknown keys are errors.
 */
record RoutingTable(Map<String, Destination> destinations, List<Route> routes) {

    /** Where a notice goes. */
    sealed interface Destination permits Webhook, Email {
        String name();
    }

    /** A JSON POST; {@code slack}: {@code {"text": ...}}, {@code json}: {@code {"text": ..., "alarm"|"digest": ...}}. */
    record Webhook(String name, URI url, boolean slack) implements Destination {
    }

    /** A mail to the recipients. */
    record Email(String name, List<String> recipients) implements Destination {
    }

    /**
     * @param name           {@code route <i>} plus the severities, e.g. {@code MEDIUM_LOW}: the digest spool's name
     * @param digestInterval null: each notice at once
     */
    record Route(String name, Set<Severity> severities, List<Destination> destinations, Duration digestInterval) {
        boolean digest() {
            return digestInterval != null;
        }
    }

    /** The file breaks a rule: {@code file: key: rule}. */
    static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    private static final Pattern INTERVAL = Pattern.compile("(\\d{1,6})\\s*(s|min|h)");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\",]+@[^@\\s<>\",]+\\.[^@\\s<>\",]+");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** @return the routes of {@code severity} */
    List<Route> matching(Severity severity) {
        return routes.stream().filter(r -> r.severities().contains(severity)).toList();
    }

    static RoutingTable read(Path file) throws Invalid {
        Object root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readValue(Files.readString(file), Object.class);
        } catch (NoSuchFileException e) {
            throw new Invalid(file + ": file not found");
        } catch (JsonProcessingException e) {
            throw new Invalid(file + ": invalid YAML at line " + (e.getLocation() == null ? "?"
                    : e.getLocation().getLineNr()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Invalid(file + ": not readable: " + e.getMessage());
        }
        return parse(file.toString(), root);
    }

    static RoutingTable parse(String file, Object root) throws Invalid {
        Map<?, ?> top = map(file, "(top level)", root);
        only(file, "", top, Set.of("destinations", "routes"));
        Map<?, ?> dests = map(file, "destinations", top.get("destinations"));
        Map<String, Destination> destinations = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : dests.entrySet()) {
            String name = String.valueOf(e.getKey());
            String key = "destinations." + name;
            if (!NAME.matcher(name).matches()) {
                throw new Invalid(file + ": " + key + ": name must be 1-64 of A-Z a-z 0-9 _ -");
            }
            Map<?, ?> d = map(file, key, e.getValue());
            only(file, key + ".", d, Set.of("webhook", "format", "email"));
            if (d.containsKey("webhook") == d.containsKey("email")) {
                throw new Invalid(file + ": " + key + ": exactly one of webhook, email is required");
            }
            if (d.containsKey("webhook")) {
                String url = String.valueOf(d.get("webhook"));
                if (!url.matches("https?://[^\\s/]+(/\\S*)?")) {
                    throw new Invalid(file + ": " + key + ".webhook: '" + url + "' must be an http:// or https:// URL");
                }
                Object format = d.get("format") == null ? "slack" : d.get("format");
                if (!"slack".equals(format) && !"json".equals(format)) {
                    throw new Invalid(file + ": " + key + ".format: '" + format + "' must be slack or json");
                }
                destinations.put(name, new Webhook(name, URI.create(url), "slack".equals(format)));
            } else {
                if (d.containsKey("format")) {
                    throw new Invalid(file + ": " + key + ".format: only for webhook destinations");
                }
                List<String> to = new ArrayList<>();
                for (Object a : list(file, key + ".email", d.get("email"))) {
                    String address = String.valueOf(a);
                    if (!EMAIL.matcher(address).matches()) {
                        throw new Invalid(file + ": " + key + ".email: '" + address + "' is not an e-mail address");
                    }
                    to.add(address);
                }
                destinations.put(name, new Email(name, List.copyOf(to)));
            }
        }
        List<Route> routes = new ArrayList<>();
        List<?> rs = list(file, "routes", top.get("routes"));
        for (int i = 0; i < rs.size(); i++) {
            String key = "routes[" + i + "]";
            Map<?, ?> r = map(file, key, rs.get(i));
            only(file, key + ".", r, Set.of("severity", "destinations", "digest_interval"));
            Object sev = r.get("severity");
            List<?> sevs = sev instanceof List<?> l ? l : sev == null ? List.of() : List.of(sev);
            if (sevs.isEmpty()) {
                throw new Invalid(file + ": " + key + ".severity: required, one severity or a list");
            }
            Set<Severity> severities = EnumSet.noneOf(Severity.class);
            for (Object s : sevs) {
                try {
                    severities.add(Severity.valueOf(String.valueOf(s).toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new Invalid(file + ": " + key + ".severity: '" + s
                            + "' is not one of CRITICAL, HIGH, MEDIUM, LOW");
                }
            }
            List<Destination> to = new ArrayList<>();
            for (Object d : list(file, key + ".destinations", r.get("destinations"))) {
                Destination dest = destinations.get(String.valueOf(d));
                if (dest == null) {
                    throw new Invalid(file + ": " + key + ".destinations: '" + d + "' is not a destination of"
                            + " destinations " + destinations.keySet());
                }
                to.add(dest);
            }
            Duration interval = null;
            if (r.get("digest_interval") != null) {
                Matcher m = INTERVAL.matcher(String.valueOf(r.get("digest_interval")).strip());
                if (!m.matches() || Long.parseLong(m.group(1)) < 1) {
                    throw new Invalid(file + ": " + key + ".digest_interval: '" + r.get("digest_interval")
                            + "' must be <n>s, <n>min or <n>h with n >= 1");
                }
                long n = Long.parseLong(m.group(1));
                interval = switch (m.group(2)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "min" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            }
            String name = "route" + i + "-" + String.join("_", severities.stream().map(Enum::name).toList());
            routes.add(new Route(name, severities, List.copyOf(to), interval));
        }
        return new RoutingTable(Map.copyOf(destinations), List.copyOf(routes));
    }

    private static Map<?, ?> map(String file, String key, Object v) throws Invalid {
        if (!(v instanceof Map<?, ?> m)) {
            throw new Invalid(file + ": " + key + ": required map");
        }
        return m;
    }

    private static List<?> list(String file, String key, Object v) throws Invalid {
        if (!(v instanceof List<?> l) || l.isEmpty()) {
            throw new Invalid(file + ": " + key + ": required non-empty list");
        }
        return l;
    }

    private static void only(String file, String prefix, Map<?, ?> m, Set<String> allowed) throws Invalid {
        for (Object k : m.keySet()) {
            if (!allowed.contains(String.valueOf(k))) {
                throw new Invalid(file + ": " + prefix + k + ": unknown key (allowed: " + allowed + ")");
            }
        }
    }
}
