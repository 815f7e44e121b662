package io.arcnode.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArcnodeJsonTest {

    @Test
    void sharedMapperIsSingleton() {
        assertSame(ArcnodeJson.mapper(), ArcnodeJson.mapper());
    }

    @Test
    void writesNullsCompactAndSortsMapKeys() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", null);
        m.put("a", 1);
        assertEquals("{\"a\":1,\"b\":null}", ArcnodeJson.write(m));
    }

    @Test
    void recordPropertiesInDeclaredOrderWithNulls() {
        assertEquals("{\"field\":\"x\",\"rule\":\"required\",\"message\":\"m\"}",
                ArcnodeJson.write(new Violation("x", "required", "m")));
    }

    @Test
    void prettyWriterIndents() throws Exception {
        String s = ArcnodeJson.prettyWriter().writeValueAsString(Map.of("a", 1));
        assertTrue(s.contains("\n"), s);
    }

    @Test
    void malformedJsonIsJsonViolation() {
        ValidationException e = assertThrows(ValidationException.class, () -> ArcnodeJson.readTree("{\"a\":"));
        assertEquals("json", e.violations().get(0).rule());
    }

    @Test
    void duplicateKeysRejected() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> ArcnodeJson.readTree("{\"a\":1,\"a\":2}"));
        assertEquals("json", e.violations().get(0).rule());
        assertTrue(e.violations().get(0).message().contains("Duplicate"), e.getMessage());
    }

    @Test
    void trailingTokensAndEmptyAndNullRejected() {
        assertThrows(ValidationException.class, () -> ArcnodeJson.readTree("{} {}"));
        assertThrows(ValidationException.class, () -> ArcnodeJson.readTree(""));
        assertThrows(ValidationException.class, () -> ArcnodeJson.readTree(null));
        assertThrows(ValidationException.class, () -> ArcnodeJson.readTree("{\"v\": NaN}"));
    }

    @Test
    void validationExceptionListsAllViolations() {
        ValidationException e = new ValidationException(List.of(
                new Violation("a", "required", "a is required"),
                new Violation(null, "bess_consistency", "whole model")));
        assertEquals(2, e.violations().size());
        assertTrue(e.getMessage().startsWith("2 violations:"), e.getMessage());
        assertTrue(e.getMessage().contains("a [required]: a is required"), e.getMessage());
        assertTrue(e.getMessage().contains("<document> [bess_consistency]: whole model"), e.getMessage());
        assertEquals("", e.violations().get(1).field());
        assertTrue(e.violations().get(1).isModelRule());
        assertThrows(IllegalArgumentException.class, () -> new ValidationException(List.of()));
        assertThrows(UnsupportedOperationException.class, () -> e.violations().clear());
    }
}
