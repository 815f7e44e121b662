package io.arcnode.workbench.orders.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.Violation;
import io.arcnode.api.edp.ConfiguratorPayloads;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderFormTest {

    /** A valid order, field by field in {@link OrderField#ALL}'s order. */
    static final List<String> VALUES = List.of("6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b", "ArcNode Ops", "Site Alpha",
            "ops@arcnode.io", "solar", "12.5", "ai_training", "b200", "100", "ac_coupled", "20", "grid_tied",
            "temperate", "commercial", "standard");

    /** {@link #VALUES} as the JSON a client posts: numbers as JSON numbers. */
    static final String VALID = validJson();

    private static String validJson() {
        com.fasterxml.jackson.databind.node.ObjectNode o = ArcnodeJson.mapper().createObjectNode();
        for (int i = 0; i < OrderField.ALL.size(); i++) {
            OrderField f = OrderField.ALL.get(i);
            String v = VALUES.get(i);
            switch (f.kind()) {
                case INTEGER -> o.put(f.name(), Integer.parseInt(v));
                case NUMBER -> {
                    if (v.contains(".")) {
                        o.put(f.name(), Double.parseDouble(v));
                    } else {
                        o.put(f.name(), Integer.parseInt(v)); // 20 stays 20, as a client writes it
                    }
                }
                default -> o.put(f.name(), v);
            }
        }
        return o.toString();
    }

    static OrderForm valid() {
        return OrderForm.of(ArcnodeJson.readTree(VALID));
    }

    @Test
    void aValidFormIsThePayloadThePlatformWouldParse() {
        OrderForm.Check check = valid().check();
        assertTrue(check.valid(), check.violations().toString());
        assertEquals(ConfiguratorPayloads.parse(VALID), check.payload());
        assertEquals(ArcnodeJson.readTree(VALID), valid().toJson(), "texts back to the same JSON, numbers as numbers");
    }

    @Test
    void fieldViolationsCarryThePlatformsRuleAndMessage() {
        OrderForm form = valid();
        form.set("source_capacity_mw", "0");
        form.set("contact_email", "not an address");
        form.set("operator_org", "");
        OrderForm.Check check = form.check();
        assertFalse(check.valid());
        assertNull(check.payload());
        // exactly what the platform's own parser says for the same JSON (the 422 of POST /edp-api/jobs)
        List<Violation> platform = assertThrows(io.arcnode.api.ValidationException.class,
                () -> ConfiguratorPayloads.parse(form.toJson())).violations();
        assertEquals(platform, check.violations());
        assertEquals(List.of("source_capacity_mw must be greater than 0 (got 0.0)"),
                check.messages("source_capacity_mw"));
        assertEquals("required", rule(check, "operator_org"));
        assertEquals(1, check.messages("contact_email").size());
        assertEquals(List.of(), check.messages("gpu_variant"));
    }

    @Test
    void textInANumberFieldGetsThePlatformsTypeRule() {
        OrderForm form = valid();
        form.set("target_gpu_count", "twelve");
        form.set("bess_capacity_mwh", "1.5.2");
        OrderForm.Check check = form.check();
        assertEquals("type", rule(check, "target_gpu_count"));
        assertEquals("type", rule(check, "bess_capacity_mwh"));
        form.set("target_gpu_count", "12.5");
        assertFalse(form.check().messages("target_gpu_count").isEmpty(), "a fraction is not a GPU count");
        form.set("target_gpu_count", " 560 ");
        form.set("bess_capacity_mwh", "20");
        assertTrue(form.check().valid(), form.check().violations().toString());
        assertEquals(560, form.check().payload().targetGpuCount());
    }

    @Test
    void aModelRuleIsShownOnEveryFieldItInvolves() {
        OrderForm form = valid();
        form.set("bess_coupling", "none"); // capacity stays 20: bess_consistency
        OrderForm.Check check = form.check();
        assertEquals(List.of(ConfiguratorPayloads.BESS_CONSISTENCY_MESSAGE), check.messages("bess_coupling"));
        assertEquals(List.of(ConfiguratorPayloads.BESS_CONSISTENCY_MESSAGE), check.messages("bess_capacity_mwh"));
        assertEquals(List.of(), check.messages("aws_partition"));

        form = valid();
        form.set("deployment_context", "sovereign_government"); // partition stays standard
        check = form.check();
        assertEquals(List.of(ConfiguratorPayloads.STANDARD_PARTITION_COMMERCIAL_ONLY_MESSAGE),
                check.messages("aws_partition"));
        assertTrue(check.messages("deployment_context")
                .contains(ConfiguratorPayloads.STANDARD_PARTITION_COMMERCIAL_ONLY_MESSAGE));

        form = valid();
        form.set("deployment_context", "defense_forward");
        form.set("aws_partition", "govcloud");
        form.set("bess_coupling", "dc_integrated_pcs");
        check = form.check();
        assertTrue(check.messages("bess_coupling").contains(ConfiguratorPayloads.DOD_EXCLUDES_DC_INTEGRATED_PCS_MESSAGE),
                check.violations().toString());
        assertTrue(check.messages("deployment_context")
                .contains(ConfiguratorPayloads.DOD_EXCLUDES_DC_INTEGRATED_PCS_MESSAGE));
    }

    @Test
    void everyModelRuleOfThePlatformHasItsFields() {
        for (String rule : List.of(ConfiguratorPayloads.BESS_CONSISTENCY,
                ConfiguratorPayloads.STANDARD_PARTITION_COMMERCIAL_ONLY,
                ConfiguratorPayloads.DOD_EXCLUDES_DC_INTEGRATED_PCS)) {
            List<String> fields = OrderForm.MODEL_RULE_FIELDS.get(rule);
            assertEquals(2, fields.size(), rule);
            fields.forEach(OrderField::named);
        }
    }

    @Test
    void theFieldListIsThePayloadsFieldsInItsOrderWithTheEnumsValues() {
        List<String> names = OrderField.ALL.stream().map(OrderField::name).toList();
        List<String> payload = new java.util.ArrayList<>();
        // the order in which the platform writes a payload
        ArcnodeJson.mapper().valueToTree(ConfiguratorPayloads.parse(VALID)).fieldNames()
                .forEachRemaining(payload::add);
        assertEquals(payload, names);
        assertTrue(OrderField.named("gpu_variant").choices().contains("b200"));
        assertEquals(OrderField.Kind.INTEGER, OrderField.named("target_gpu_count").kind());
        assertEquals("MW", OrderField.named("source_capacity_mw").unit());
        assertThrows(IllegalArgumentException.class, () -> valid().set("gpus", "1"));
    }

    private static String rule(OrderForm.Check check, String field) {
        return check.violations().stream().filter(v -> v.field().equals(field)).map(Violation::rule).findFirst()
                .orElse(null);
    }
}
