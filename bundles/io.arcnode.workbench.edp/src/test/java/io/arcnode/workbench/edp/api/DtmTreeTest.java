package io.arcnode.workbench.edp.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.edp.ArtifactKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DtmTreeTest {

    @TempDir
    Path tmp;

    @Test
    void modulesDevicesProtocolConfigsAndPointMapsOfTheGeneratedDtm() throws Exception {
        EdpRevision r = new EdpPackages(tmp.resolve("o.json")).generate(EdpPackagesTest.PAYLOAD,
                new EdpPackagesTest.Recorder(Integer.MAX_VALUE));
        Path file = r.find(ArtifactKind.DTM, "json").orElseThrow().file();
        JsonNode doc = ArcnodeJson.readTree(Files.readString(file));
        DtmTree tree = DtmTree.read(file);
        assertTrue(tree.label().startsWith("DTM " + doc.get("deployment_uuid").asText()), tree.label());
        assertEquals(doc.get("modules").size(), tree.children().size(), "one node per module, no orphans");
        int devices = 0;
        for (int m = 0; m < tree.children().size(); m++) {
            DtmTree module = tree.children().get(m);
            String id = doc.get("modules").get(m).get("module_id").asText();
            assertEquals(id, module.properties().get("module_id"));
            long expected = 0;
            for (JsonNode d : doc.get("devices")) {
                expected += id.equals(d.get("module_id").asText()) ? 1 : 0;
            }
            assertEquals(expected, module.children().size(), id);
            devices += module.children().size();
        }
        assertEquals(doc.get("devices").size(), devices, "every device once");
        JsonNode modbus = null;
        for (JsonNode d : doc.get("devices")) {
            if ("modbus_tcp".equals(d.get("protocol_config").get("protocol").asText())) {
                modbus = d;
                break;
            }
        }
        JsonNode wanted = modbus;
        DtmTree device = tree.children().stream().flatMap(mod -> mod.children().stream())
                .filter(d -> d.properties().get("device_uuid").equals(wanted.get("device_uuid").asText()))
                .findFirst().orElseThrow();
        assertEquals(String.valueOf(wanted.get("port").asInt()), device.properties().get("port"));
        DtmTree config = device.children().get(0);
        assertEquals("protocol_config (modbus_tcp)", config.label());
        JsonNode maps = wanted.get("protocol_config").get("point_maps");
        DtmTree pointMaps = config.children().get(0);
        assertEquals("point_maps (" + maps.size() + ")", pointMaps.label());
        assertEquals(maps.get(0).get("name").asText(), pointMaps.children().get(0).label());
        assertEquals(maps.get(0).get("start_address").asText(),
                pointMaps.children().get(0).properties().get("start_address"));
    }

    @Test
    void aFileThatIsNotAValidDtmIsRefusedNamingItAndTheRule() throws Exception {
        Path f = tmp.resolve("dtm.json");
        Files.writeString(f, "{\"deployment_uuid\": \"not a uuid\", \"modules\": [], \"devices\": []}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DtmTree.read(f));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        assertTrue(List.of(e.getMessage().split(" ")).stream().anyMatch(w -> w.contains("deployment_uuid")),
                e.getMessage());
    }
}
