package io.arcnode.gateway.validator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesStoreTest {

    @TempDir
    Path dir;

    @Test
    void keepsTheTextAndReadsItBack() throws Exception {
        RulesStore store = new RulesStore(dir.resolve("validator/rules.yml"));
        assertTrue(store.load().isEmpty());
        String text = "{\"rules\": [{\"parameter\": \"supply_temp\", \"max\": 120}]}";
        store.save(text);
        RulesStore.Stored stored = store.load().orElseThrow();
        assertEquals(text, stored.text());
        assertEquals(List.of(new Rule("*", "supply_temp", null, 120.0, null, null, null)), stored.rules());
        assertEquals(List.of("rules.yml"), Files.list(dir.resolve("validator")).map(p -> p.getFileName().toString())
                .toList(), "no temporary file left");
    }

    @Test
    void aBrokenStoredFileIsNamed() throws Exception {
        Path file = dir.resolve("rules.yml");
        Files.writeString(file, "rules:\n  - {max: x}\n");
        RulesFile.Invalid e = assertThrows(RulesFile.Invalid.class, () -> new RulesStore(file).load());
        assertEquals(file + ": rules[0].max: must be a number (got x)", e.getMessage());
    }
}
