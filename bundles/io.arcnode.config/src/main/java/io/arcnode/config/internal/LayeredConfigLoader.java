package io.arcnode.config.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.arcnode.config.api.ArcnodeConfig;
import io.arcnode.config.api.ConfigException;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Loads {@code cfg.defaults.yml}, selects the stage block, deep-merges the optional customer file
 * over it, reads secrets and validates against {@link ConfigSchema}. Pure Java, no OSGi; all
 * inputs are explicit.
 *
 * <p>Every failure is a single {@link ConfigException} naming the file, the key path and the rule.
 */
public final class LayeredConfigLoader {

    public static final List<String> STAGES = List.of("local", "demo", "beta");
    public static final String DEFAULT_STAGE = "local";

    public static final String PROP_DEFAULTS = "arcnode.cfg.defaults";
    public static final String ENV_DEFAULTS = "ARCNODE_CFG_DEFAULTS";
    public static final String PROP_STAGE = "arcnode.env";
    public static final String ENV_STAGE = "ENV";
    public static final String ENV_CUSTOMER = "CFG_CUSTOMER_PATH";
    public static final String PROP_SECRETS = "arcnode.secrets";
    public static final String ENV_SECRETS = "ARCNODE_SECRETS";

    /**
     * Where the inputs come from.
     *
     * @param defaults   cfg.defaults.yml; {@code null} = not configured (an error at load time)
     * @param stage      stage name; {@code null} = {@link #DEFAULT_STAGE}
     * @param stageFrom  where the stage came from, used as "file" in errors ("environment", ...)
     * @param stageKey   the variable/property that held it ("ENV", "arcnode.env", ...)
     * @param customer   customer file; {@code null} = none
     * @param secrets    secrets.env; {@code null} = none
     */
    public record Sources(Path defaults, String stage, String stageFrom, String stageKey, Path customer, Path secrets) {

        public static Sources of(Path defaults, String stage, Path customer, Path secrets) {
            return new Sources(defaults, stage, "stage", "stage", customer, secrets);
        }
    }

    /**
     * Resolves the sources: a (framework/system) property wins over the environment variable;
     * blank values count as unset.
     *
     * @param env        environment variables (e.g. {@code System.getenv()})
     * @param properties property lookup (e.g. {@code BundleContext::getProperty}); may return null
     */
    public static Sources resolve(Map<String, String> env, Function<String, String> properties) {
        String defaults = firstSet(properties.apply(PROP_DEFAULTS), env.get(ENV_DEFAULTS));
        String stageProp = blankToNull(properties.apply(PROP_STAGE));
        String stageEnv = blankToNull(env.get(ENV_STAGE));
        String stage;
        String from;
        String key;
        if (stageProp != null) {
            stage = stageProp;
            from = "system property";
            key = PROP_STAGE;
        } else if (stageEnv != null) {
            stage = stageEnv;
            from = "environment";
            key = ENV_STAGE;
        } else {
            stage = DEFAULT_STAGE;
            from = "default";
            key = ENV_STAGE;
        }
        String customer = blankToNull(env.get(ENV_CUSTOMER));
        String secrets = firstSet(properties.apply(PROP_SECRETS), env.get(ENV_SECRETS));
        return new Sources(defaults == null ? null : Path.of(defaults), stage, from, key,
                customer == null ? null : Path.of(customer), secrets == null ? null : Path.of(secrets));
    }

    private static String firstSet(String a, String b) {
        String x = blankToNull(a);
        return x != null ? x : blankToNull(b);
    }

    private static String blankToNull(String s) {
        return (s == null || s.isBlank()) ? null : s.strip();
    }

    // ------------------------------------------------------------------

    private final ConfigSchema schema;
    private final ObjectMapper yaml;

    public LayeredConfigLoader(ConfigSchema schema) {
        this.schema = schema;
        this.yaml = new ObjectMapper(new YAMLFactory());
        this.yaml.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    public LayeredConfigLoader() {
        this(ConfigSchema.arcnode());
    }

    /** Convenience for tests: explicit paths and stage name ({@code null} stage = local). */
    public ArcnodeConfig load(Path defaults, String stage, Path customer, Path secrets) {
        return load(Sources.of(defaults, stage, customer, secrets));
    }

    public ArcnodeConfig load(Sources src) {
        String stage = src.stage() == null ? DEFAULT_STAGE : src.stage();
        if (!STAGES.contains(stage)) {
            throw new ConfigException(src.stageFrom(), src.stageKey(),
                    "must be one of " + String.join(", ", STAGES) + " (got " + show(stage) + ")");
        }
        if (src.defaults() == null) {
            throw new ConfigException("environment", ENV_DEFAULTS,
                    "required: path of cfg.defaults.yml (or system property " + PROP_DEFAULTS + ")");
        }
        String defaultsLabel = src.defaults().toString();
        Object defaultsRoot = readYaml(src.defaults(), defaultsLabel);
        Map<String, Object> stageBlock = selectStage(defaultsRoot, defaultsLabel, stage);

        Origin fromDefaults = new Origin(defaultsLabel, stage + ".");
        Map<String, Origin> origins = new LinkedHashMap<>();
        recordOrigins(stageBlock, "", fromDefaults, origins);

        Map<String, Object> merged = stageBlock;
        if (src.customer() != null) {
            String customerLabel = src.customer().toString();
            if (!Files.exists(src.customer())) {
                throw new ConfigException(customerLabel, null,
                        "file not found (" + ENV_CUSTOMER + " is set but names no file)");
            }
            Object customerRoot = readYaml(src.customer(), customerLabel);
            if (customerRoot != null) {
                if (!(customerRoot instanceof Map)) {
                    throw new ConfigException(customerLabel, null,
                            "top level must be a mapping of sections (got " + show(customerRoot) + ")");
                }
                Map<String, Object> customer = asMap(customerRoot);
                recordOrigins(customer, "", new Origin(customerLabel, ""), origins);
                merged = deepMerge(stageBlock, customer);
            }
        }

        Map<String, Map<String, Object>> sections = validate(merged, origins, fromDefaults);
        SecretsEnv secrets = src.secrets() == null
                ? SecretsEnv.empty()
                : SecretsEnv.read(src.secrets(), src.secrets().toString());
        return new LoadedConfig(stage, sections, secrets);
    }

    // ------------------------------------------------------------------ YAML

    /** Parses one YAML document into plain Java (Map/List/String/Number/Boolean/null). */
    Object readYaml(Path file, String label) {
        if (!Files.exists(file)) {
            throw new ConfigException(label, null, "file not found");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(label, null, "is not a regular file");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new ConfigException(label, null, "is not valid UTF-8");
        } catch (IOException e) {
            throw new ConfigException(label, null, "cannot read file: " + e, e);
        }
        return parseYaml(text, label);
    }

    Object parseYaml(String text, String label) {
        try (JsonParser p = yaml.getFactory().createParser(text)) {
            JsonNode node = yaml.readTree(p);
            if (p.nextToken() != null) {
                JsonLocation loc = p.currentTokenLocation();
                throw new ConfigException(label, null, "invalid YAML at line " + loc.getLineNr() + ", column "
                        + loc.getColumnNr() + ": only one YAML document is allowed");
            }
            return node == null ? null : toJava(node);
        } catch (JsonProcessingException e) {
            throw yamlError(e, label);
        } catch (IOException e) {
            throw new ConfigException(label, null, "cannot read YAML: " + e.getMessage(), e);
        }
    }

    private static ConfigException yamlError(JsonProcessingException e, String label) {
        int line = -1;
        int column = -1;
        String problem = null;
        // prefer SnakeYAML's precise problem mark; read reflectively so that this bundle needs no
        // Import-Package for org.yaml.snakeyaml.error (only Jackson packages are imported)
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (hasSuperclass(t.getClass(), "org.yaml.snakeyaml.error.MarkedYAMLException")) {
                try {
                    Object p = t.getClass().getMethod("getProblem").invoke(t);
                    Object ctx = t.getClass().getMethod("getContext").invoke(t);
                    Object mark = t.getClass().getMethod("getProblemMark").invoke(t);
                    if (p != null) {
                        problem = p.toString();
                        if (ctx != null && !ctx.toString().isBlank()) {
                            problem = ctx + ": " + problem;
                        }
                    }
                    if (mark != null) {
                        line = ((Number) mark.getClass().getMethod("getLine").invoke(mark)).intValue() + 1;
                        column = ((Number) mark.getClass().getMethod("getColumn").invoke(mark)).intValue() + 1;
                    }
                } catch (ReflectiveOperationException | RuntimeException ignored) {
                    // fall back to Jackson's location and message below
                }
                break;
            }
        }
        if (line < 0 && e.getLocation() != null) {
            line = e.getLocation().getLineNr();
            column = e.getLocation().getColumnNr();
        }
        if (problem == null) {
            String orig = e.getOriginalMessage() == null ? "syntax error" : e.getOriginalMessage();
            problem = orig.lines().findFirst().orElse("syntax error").strip();
            if (problem.startsWith("Duplicate field ")) {
                problem = "duplicate key " + problem.substring("Duplicate field ".length());
            }
        }
        problem = problem.replaceAll("\\s+", " ").strip();
        return new ConfigException(label, null,
                "invalid YAML at line " + line + ", column " + column + ": " + problem, e);
    }

    private static boolean hasSuperclass(Class<?> c, String name) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            if (k.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static Object toJava(JsonNode n) {
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(e.getKey(), toJava(e.getValue()));
            }
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            for (JsonNode c : n) {
                l.add(toJava(c));
            }
            return l;
        }
        if (n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isInt()) {
            return n.intValue();
        }
        if (n.isLong()) {
            return n.longValue();
        }
        if (n.isBigInteger()) {
            return n.bigIntegerValue();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        return n.asText();
    }

    // ------------------------------------------------------------------ stage + merge

    private Map<String, Object> selectStage(Object root, String label, String stage) {
        if (root == null) {
            throw new ConfigException(label, null,
                    "file is empty (expected top-level keys " + String.join(", ", STAGES) + ")");
        }
        if (!(root instanceof Map)) {
            throw new ConfigException(label, null, "top level must be a mapping with keys "
                    + String.join(", ", STAGES) + " (got " + show(root) + ")");
        }
        Map<String, Object> top = asMap(root);
        for (String k : top.keySet()) {
            if (!STAGES.contains(k)) {
                throw new ConfigException(label, k,
                        "unknown stage block (allowed top-level keys: " + String.join(", ", STAGES) + ")");
            }
        }
        for (String s : STAGES) {
            if (!top.containsKey(s)) {
                throw new ConfigException(label, s, "required stage block is missing");
            }
            if (!(top.get(s) instanceof Map)) {
                throw new ConfigException(label, s, "must be a mapping of sections (got " + show(top.get(s)) + ")");
            }
        }
        return asMap(top.get(stage));
    }

    /** Maps merge recursively; everything else (scalars, lists, null) from {@code over} replaces. */
    static Map<String, Object> deepMerge(Map<String, Object> base, Map<String, Object> over) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        for (Map.Entry<String, Object> e : over.entrySet()) {
            Object b = out.get(e.getKey());
            Object o = e.getValue();
            if (b instanceof Map && o instanceof Map) {
                out.put(e.getKey(), deepMerge(asMap(b), asMap(o)));
            } else {
                out.put(e.getKey(), o);
            }
        }
        return out;
    }

    /** Which file (and key prefix in that file) a relative key path came from. */
    record Origin(String file, String prefix) {
        String path(String relative) {
            return prefix + relative;
        }
    }

    private static void recordOrigins(Map<String, Object> m, String prefix, Origin origin, Map<String, Origin> out) {
        for (Map.Entry<String, Object> e : m.entrySet()) {
            String p = prefix + e.getKey();
            out.put(p, origin);
            if (e.getValue() instanceof Map) {
                recordOrigins(asMap(e.getValue()), p + ".", origin, out);
            }
        }
    }

    // ------------------------------------------------------------------ validation

    private Map<String, Map<String, Object>> validate(Map<String, Object> merged, Map<String, Origin> origins,
                                                      Origin defaults) {
        for (String name : merged.keySet()) {
            if (!schema.sections().containsKey(name)) {
                Origin o = origins.getOrDefault(name, defaults);
                throw new ConfigException(o.file(), o.path(name),
                        "unknown section (allowed: " + String.join(", ", schema.sections().keySet()) + ")");
            }
        }
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        for (ConfigSchema.Section section : schema.sections().values()) {
            String sn = section.name();
            if (!merged.containsKey(sn)) {
                throw new ConfigException(defaults.file(), defaults.path(sn), "required section is missing");
            }
            Object raw = merged.get(sn);
            if (!(raw instanceof Map)) {
                Origin o = origins.getOrDefault(sn, defaults);
                throw new ConfigException(o.file(), o.path(sn), "must be a mapping of keys (got " + show(raw) + ")");
            }
            Map<String, Object> values = asMap(raw);
            for (String k : values.keySet()) {
                if (section.key(k).isEmpty()) {
                    String rel = sn + "." + k;
                    Origin o = origins.getOrDefault(rel, defaults);
                    throw new ConfigException(o.file(), o.path(rel), "unknown key (allowed: "
                            + String.join(", ", section.keys().stream().map(ConfigSchema.Key::name).toList()) + ")");
                }
            }
            Map<String, Object> checked = new LinkedHashMap<>();
            for (ConfigSchema.Key key : section.keys()) {
                String rel = sn + "." + key.name();
                String rule = "must be " + key.type().describe();
                if (!values.containsKey(key.name())) {
                    if (key.required()) {
                        throw new ConfigException(defaults.file(), defaults.path(rel),
                                "required key is missing (" + rule + (key.nullable() ? " or null" : "") + ")");
                    }
                    continue;
                }
                Object v = values.get(key.name());
                Origin o = origins.getOrDefault(rel, defaults);
                if (v == null) {
                    if (key.nullable()) {
                        continue;
                    }
                    throw new ConfigException(o.file(), o.path(rel), rule + " (got null)");
                }
                Optional<Object> ok = key.type().check(v);
                if (ok.isEmpty()) {
                    throw new ConfigException(o.file(), o.path(rel),
                            rule + (key.nullable() ? " or null" : "") + " (got " + show(v) + ")");
                }
                checked.put(key.name(), ok.get());
            }
            for (ConfigSchema.SectionRule r : section.rules()) {
                Optional<ConfigSchema.RuleViolation> bad = r.check(Collections.unmodifiableMap(checked));
                if (bad.isPresent()) {
                    ConfigSchema.RuleViolation v = bad.get();
                    String rel = sn + "." + v.key();
                    Origin o = origins.containsKey(rel) ? origins.get(rel)
                            : origins.getOrDefault(sn + "." + v.causeKey(), defaults);
                    throw new ConfigException(o.file(), o.path(rel), v.rule());
                }
            }
            result.put(sn, Collections.unmodifiableMap(checked));
        }
        return Collections.unmodifiableMap(result);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    /** Renders a value for an error message: strings quoted and shortened, containers by kind. */
    static String show(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map) {
            return "a mapping";
        }
        if (v instanceof List) {
            return "a list";
        }
        if (v instanceof String s) {
            String t = s.length() > 60 ? s.substring(0, 57) + "..." : s;
            StringBuilder sb = new StringBuilder("\"");
            for (char c : t.toCharArray()) {
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> sb.append(c < 0x20 ? '?' : c);
                }
            }
            return sb.append('"').toString();
        }
        return String.valueOf(v);
    }
}
