package io.arcnode.workbench.orders.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcnode.api.ValidationException;
import io.arcnode.api.Violation;
import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.ConfiguratorPayloads;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the engineer has typed into the order form, field by field, as text, and its check by the platform's own
 * rules ({@link ConfiguratorPayloads#parse(JsonNode)}): the same rule ids and messages a {@code POST} would get in
 * its 422. Numbers that do not parse are passed on as JSON strings, so the message is the platform's
 * ("... must be a number"); an empty field is left out ("... is required"). Not thread-safe (the UI thread's).
 */
public final class OrderForm {

    /** The fields each model rule of spec 002 involves, where the form shows its message. */
    public static final Map<String, List<String>> MODEL_RULE_FIELDS = Map.of(
            ConfiguratorPayloads.BESS_CONSISTENCY, List.of("bess_coupling", "bess_capacity_mwh"),
            ConfiguratorPayloads.STANDARD_PARTITION_COMMERCIAL_ONLY, List.of("aws_partition", "deployment_context"),
            ConfiguratorPayloads.DOD_EXCLUDES_DC_INTEGRATED_PCS, List.of("deployment_context", "bess_coupling"));

    private final Map<String, String> texts = new LinkedHashMap<>();

    /** An empty form. */
    public OrderForm() {
        OrderField.ALL.forEach(f -> texts.put(f.name(), ""));
    }

    /** @return a form showing {@code json}'s fields (any JSON object: an order file may hold a draft) */
    public static OrderForm of(JsonNode json) {
        OrderForm form = new OrderForm();
        if (json != null && json.isObject()) {
            for (OrderField f : OrderField.ALL) {
                JsonNode v = json.get(f.name());
                if (v != null && !v.isNull()) {
                    form.texts.put(f.name(), v.isTextual() ? v.textValue() : v.toString());
                }
            }
        }
        return form;
    }

    /** @return a form showing a valid payload */
    public static OrderForm of(ConfiguratorPayload payload) {
        return of(io.arcnode.api.ArcnodeJson.mapper().valueToTree(payload));
    }

    /** @return the text of {@code field}, empty when nothing was entered */
    public String get(String field) {
        requireField(field);
        return texts.get(field);
    }

    /** Sets the text of {@code field} as typed (null is empty). */
    public void set(String field, String text) {
        requireField(field);
        texts.put(field, text == null ? "" : text);
    }

    /** @return a copy of the texts, in field order */
    public Map<String, String> texts() {
        return new LinkedHashMap<>(texts);
    }

    /**
     * @return the form as the JSON object it would post: numbers where a number field parses, text otherwise,
     *         empty fields left out; the fields in the payload's order
     */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (OrderField f : OrderField.ALL) {
            String t = texts.get(f.name()).strip();
            if (t.isEmpty()) {
                continue;
            }
            if (f.kind() == OrderField.Kind.NUMBER || f.kind() == OrderField.Kind.INTEGER) {
                BigDecimal n = number(t);
                if (n == null) {
                    o.put(f.name(), t);
                } else if (n.signum() == 0 || n.stripTrailingZeros().scale() <= 0
                        && n.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
                    // a whole number as typed: 20 stays 20 (an int where it fits, as a JSON parser reads it)
                    long whole = n.longValueExact();
                    if (whole == (int) whole) {
                        o.put(f.name(), (int) whole);
                    } else {
                        o.put(f.name(), whole);
                    }
                } else {
                    o.put(f.name(), n.doubleValue());
                }
            } else {
                o.put(f.name(), t);
            }
        }
        return o;
    }

    /** @return the platform's verdict on the form */
    public Check check() {
        try {
            return new Check(ConfiguratorPayloads.parse(toJson()), List.of());
        } catch (ValidationException e) {
            return new Check(null, List.copyOf(e.violations()));
        }
    }

    /**
     * A verdict.
     *
     * @param payload    the payload when there is no violation, else null
     * @param violations every violation, field rules first, as the platform reports them
     */
    public record Check(ConfiguratorPayload payload, List<Violation> violations) {

        /** @return whether the form is a valid payload */
        public boolean valid() {
            return payload != null;
        }

        /**
         * @return the messages to show on {@code field}: its own violations and those of the model rules that
         *         involve it ({@link #MODEL_RULE_FIELDS})
         */
        public List<String> messages(String field) {
            List<String> out = new ArrayList<>();
            for (Violation v : violations) {
                if (v.field().equals(field) || v.field().isEmpty()
                        && MODEL_RULE_FIELDS.getOrDefault(v.rule(), List.of()).contains(field)) {
                    out.add(v.message());
                }
            }
            return out;
        }
    }

    private static BigDecimal number(String t) {
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void requireField(String field) {
        if (!texts.containsKey(field)) {
            throw new IllegalArgumentException("no payload field " + field);
        }
    }
}
