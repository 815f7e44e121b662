package io.arcnode.edp.dtm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class Uuid5Test {

    private static final UUID NAMESPACE_DNS = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

    @Test
    void matchesPythonUuid5() {
        // python3 -c "import uuid; print(uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'))"
        assertEquals(UUID.fromString("886313e1-3b8a-5372-9b90-0c9aee199e5d"), Uuid5.of(NAMESPACE_DNS, "python.org"));
        // python3 -c "import uuid; print(uuid.uuid5(uuid.UUID('3f2504e0-4f89-41d3-9a0c-0305e82c3301'), 'compute-01/0/cdu'))"
        UUID deployment = UUID.fromString("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
        assertEquals(UUID.fromString("d1e964ed-3e93-5178-b6b5-ad3b422588be"), Uuid5.of(deployment, "compute-01/0/cdu"));
        assertEquals(UUID.fromString("8231615e-ce2e-5b72-9abc-daad6c7eb89a"),
                Uuid5.of(deployment, "grid-01/3/revenue_meter"));
    }

    @Test
    void versionAndVariant() {
        UUID u = Uuid5.of(NAMESPACE_DNS, "arcnode");
        assertEquals(5, u.version());
        assertEquals(2, u.variant());
        assertNotEquals(u, Uuid5.of(NAMESPACE_DNS, "arcnode2"));
    }
}
