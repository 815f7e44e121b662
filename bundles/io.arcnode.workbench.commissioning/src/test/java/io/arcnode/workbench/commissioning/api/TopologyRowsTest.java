package io.arcnode.workbench.commissioning.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopologyRowsTest {

    @Test
    void rowsJoinTheDevicesWithTheirAdaptersAndNewestReading() {
        String cdu = TestDtms.CDU.toString();
        LiveSnapshot live = new LiveSnapshot(3, 3, 0,
                List.of(new LiveSnapshot.Adapter("adapter_modbus_tcp_" + cdu, "dtm", cdu, "modbus_tcp", "HEALTHY", "",
                        3, 0)),
                Map.of(cdu + "/a", new LiveSnapshot.LastValue(cdu + "/a", cdu, "a", 1.5, "degC", "GOOD",
                                Instant.parse("2026-12-01T10:00:01Z")),
                        cdu + "/b", new LiveSnapshot.LastValue(cdu + "/b", cdu, "b", 230.25, "", "SUSPECT",
                                Instant.parse("2026-12-01T10:00:02.400Z"))));
        List<TopologyRow> rows = TopologyRows.rows(TestDtms.dtm(), live);
        assertEquals(new TopologyRow(TestDtms.CDU, "CDU 1", "cdu", "compute-01", "modbus_tcp", "127.0.0.1", 15021,
                "HEALTHY", "b = 230.3 SUSPECT at 2026-12-01T10:00:02Z"), rows.get(0));
        assertEquals(new TopologyRow(TestDtms.PDU, "PDU 1", "rack_pdu", "compute-01", "modbus_tcp", "", 502,
                TopologyRows.NOT_CONNECTED, ""), rows.get(1));
        assertEquals("-", TopologyRows.rows(TestDtms.dtm(), null).get(0).status(), "offline: not known");
    }
}
