package io.arcnode.gateway.alarms.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.telemetry.AlarmState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlarmStoreTest {

    @TempDir
    Path dir;

    private AlarmEngine engineWithHistory(List<Alarm> journal) {
        AlarmEngine e = new AlarmEngine(List.of(AlarmEngineTest.high(80, 0, 0, 0)), AlarmEngineTest.CLOCK, List.of());
        journal.addAll(e.reading(AlarmEngineTest.reading("cdu_01", "supply_temp", 85, 0)));
        journal.add(e.ack("alm-1", "alice", "seen \"it\"\nnew line"));
        journal.addAll(e.reading(AlarmEngineTest.reading("cdu_01", "supply_temp", 70, 1000)));
        journal.addAll(e.reading(AlarmEngineTest.reading("cdu_02", "supply_temp", 99, 1000)));
        return e;
    }

    @Test
    void roundTripKeepsTheNewestVersionWithItsHistory() throws Exception {
        List<Alarm> journal = new ArrayList<>();
        AlarmEngine e = engineWithHistory(journal);
        AlarmStore store = new AlarmStore(dir.resolve("alarms"));
        store.append(journal.subList(0, 2));
        store.append(journal.subList(2, journal.size()));
        Map<String, Alarm> loaded = store.load();
        assertEquals(List.of("alm-1", "alm-2"), List.copyOf(loaded.keySet()));
        assertEquals(e.get("alm-1"), loaded.get("alm-1"));
        assertEquals(e.get("alm-2"), loaded.get("alm-2"));
        assertEquals(AlarmState.CLEARED, loaded.get("alm-1").state());
        assertEquals("seen \"it\"\nnew line", loaded.get("alm-1").history().get(1).comment());
        assertEquals(4, Files.readAllLines(store.file()).size(), "append-only: every version kept");
    }

    @Test
    void aTornLastLineIsCutOffAndTheNextAppendStartsCleanly() throws Exception {
        List<Alarm> journal = new ArrayList<>();
        engineWithHistory(journal);
        AlarmStore store = new AlarmStore(dir);
        store.append(journal.subList(0, 3));
        Files.writeString(store.file(), "{\"seq\": 4, \"alarm_id\": \"alm-", StandardOpenOption.APPEND);
        Map<String, Alarm> loaded = store.load();
        assertEquals(1, loaded.size());
        assertEquals(3, loaded.get("alm-1").seq());
        store.append(journal.subList(3, 4));
        assertEquals(2, store.load().size());
        assertTrue(Files.readString(store.file(), StandardCharsets.UTF_8).endsWith("}\n"));
    }

    @Test
    void aBrokenLineInTheMiddleIsAnError() throws Exception {
        List<Alarm> journal = new ArrayList<>();
        engineWithHistory(journal);
        AlarmStore store = new AlarmStore(dir);
        store.append(journal.subList(0, 1));
        Files.writeString(store.file(), "{\"seq\": \"x\"}\n", StandardOpenOption.APPEND);
        store.append(journal.subList(1, 2));
        IllegalStateException ex = assertThrows(IllegalStateException.class, store::load);
        assertTrue(ex.getMessage().contains("line 2: history: required"), ex.getMessage());
    }
}
