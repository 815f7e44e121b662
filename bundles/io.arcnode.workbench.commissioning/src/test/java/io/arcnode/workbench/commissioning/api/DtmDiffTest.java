package io.arcnode.workbench.commissioning.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.arcnode.api.dtm.Dtm;
import io.arcnode.api.dtm.Dtms;
import java.util.List;
import org.junit.jupiter.api.Test;

class DtmDiffTest {

    @Test
    void theSameTopologyHasNoDifference() {
        assertEquals(List.of(), DtmDiff.compare(TestDtms.dtm(), TestDtms.dtm()));
    }

    @Test
    void everyKindOfDifferenceIsListedInADeterministicOrder() {
        Dtm designed = TestDtms.dtm();
        Dtm commissioned = Dtms.parse(TestDtms.JSON
                .replace("\"ems_mode\":\"sim\"", "\"ems_mode\":\"live\"")
                .replace("\"description\":\"Compute container 1\"", "\"description\":\"Compute container one\"")
                .replace("\"host\":\"127.0.0.1\",\"port\":15021", "\"host\":\"10.0.3.17\",\"port\":502")
                .replace("\"unit_id\":1,", "\"unit_id\":7,")
                .replace("7677d05d-477c-56f8-9e20-2008ddb29192", "00000000-0000-4000-8000-000000000002"));
        String cdu = "device " + TestDtms.CDU + " (CDU 1)";
        assertEquals(List.of(
                new DtmDiff.Difference("DTM", "ems_mode", "sim", "live"),
                new DtmDiff.Difference("module compute-01", "description", "Compute container 1",
                        "Compute container one"),
                new DtmDiff.Difference(cdu, "host", "127.0.0.1", "10.0.3.17"),
                new DtmDiff.Difference(cdu, "port", "15021", "502"),
                new DtmDiff.Difference(cdu, "protocol_config",
                        "{\"protocol\":\"modbus_tcp\",\"unit_id\":1,\"point_maps\":[{\"name\":\"supply_temp_c\","
                                + "\"function_code\":4,\"start_address\":0,\"count\":2}]}",
                        "{\"protocol\":\"modbus_tcp\",\"unit_id\":7,\"point_maps\":[{\"name\":\"supply_temp_c\","
                                + "\"function_code\":4,\"start_address\":0,\"count\":2}]}"),
                new DtmDiff.Difference("device " + TestDtms.PDU + " (PDU 1)", "presence", "present", DtmDiff.ABSENT),
                new DtmDiff.Difference("device 00000000-0000-4000-8000-000000000002 (PDU 1)", "presence",
                        DtmDiff.ABSENT, "present")),
                DtmDiff.compare(designed, commissioned));
        assertEquals("DTM: ems_mode sim -> live", DtmDiff.compare(designed, commissioned).get(0).describe());
    }
}
