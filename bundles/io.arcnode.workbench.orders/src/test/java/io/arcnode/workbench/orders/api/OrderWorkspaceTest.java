package io.arcnode.workbench.orders.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.ArcnodeJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderWorkspaceTest {

    @TempDir
    Path tmp;

    @Test
    void newSaveOpenSaveAsAndDuplicate() throws Exception {
        OrderWorkspace ws = new OrderWorkspace(tmp.resolve("orders"));
        OrderWorkspace.Order created = ws.create("site alpha");
        assertEquals(tmp.resolve("orders/site alpha.json").toAbsolutePath(), created.path());
        OrderForm fresh = ws.open(created.path());
        UUID.fromString(fresh.get("deployment_id")); // a generated, canonical id
        assertEquals("", fresh.get("operator_org"));

        OrderForm full = OrderFormTest.valid();
        ws.save(created.path(), full);
        assertEquals(full.texts(), ws.open(created.path()).texts());
        byte[] bytes = Files.readAllBytes(created.path());
        assertArrayEquals(ArcnodeJson.documentBytes(ArcnodeJson.readTree(OrderFormTest.VALID)), bytes,
                "the payload's JSON: field order, indent, trailing newline");
        ws.save(created.path(), ws.open(created.path()));
        assertArrayEquals(bytes, Files.readAllBytes(created.path()), "open + save gives the same bytes");

        OrderWorkspace.Order copy = ws.saveAs(full, "site alpha v2");
        assertEquals(full.texts(), ws.open(copy.path()).texts());
        OrderWorkspace.Order dup = ws.duplicate(created.path(), "site beta");
        OrderForm dupForm = ws.open(dup.path());
        assertNotEquals(full.get("deployment_id"), dupForm.get("deployment_id"), "a duplicate is a new deployment");
        assertEquals(full.get("operator_org"), dupForm.get("operator_org"));

        assertEquals(List.of("site alpha", "site alpha v2", "site beta"),
                ws.list().stream().map(OrderWorkspace.Order::name).toList());
        try (var left = Files.list(ws.folder())) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void aDraftIsSavedAsTypedAndOpensWithItsProblems() {
        OrderWorkspace ws = new OrderWorkspace(tmp);
        OrderForm draft = OrderFormTest.valid();
        draft.set("target_gpu_count", "lots");
        draft.set("contact_email", "");
        OrderWorkspace.Order o = ws.saveAs(draft, "draft");
        OrderForm back = ws.open(o.path());
        assertEquals("lots", back.get("target_gpu_count"));
        assertEquals("", back.get("contact_email"));
        assertEquals("type", back.check().violations().stream()
                .filter(v -> v.field().equals("target_gpu_count")).findFirst().orElseThrow().rule());
    }

    @Test
    void badNamesExistingOrdersAndBrokenFilesAreRefusedNamingTheFile() throws Exception {
        OrderWorkspace ws = new OrderWorkspace(tmp);
        assertThrows(IllegalArgumentException.class, () -> ws.create("../escape"));
        assertThrows(IllegalArgumentException.class, () -> ws.create(".hidden"));
        assertThrows(IllegalArgumentException.class, () -> ws.create(""));
        ws.create("one");
        OrderFileException exists = assertThrows(OrderFileException.class, () -> ws.create("one"));
        assertTrue(exists.getMessage().contains("one.json") && exists.getMessage().contains("exists"),
                exists.getMessage());

        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, "{\"operator_org\": ", StandardCharsets.UTF_8);
        OrderFileException e = assertThrows(OrderFileException.class, () -> ws.open(broken));
        assertEquals(broken, e.file());
        assertTrue(e.getMessage().startsWith(broken + ": malformed JSON"), e.getMessage());
        Path array = tmp.resolve("array.json");
        Files.writeString(array, "[1, 2]", StandardCharsets.UTF_8);
        assertTrue(assertThrows(OrderFileException.class, () -> ws.open(array)).getMessage()
                .contains("not a JSON object"));
    }
}
