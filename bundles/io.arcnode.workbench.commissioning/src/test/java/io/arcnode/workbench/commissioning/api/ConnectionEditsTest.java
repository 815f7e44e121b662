package io.arcnode.workbench.commissioning.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.arcnode.api.dtm.Dtm;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConnectionEditsTest {

    @Test
    void hostsThatAreAcceptedAndRefused() {
        assertNull(ConnectionEdits.checkHost(""));
        assertNull(ConnectionEdits.checkHost("10.0.3.17"));
        assertNull(ConnectionEdits.checkHost("plc-7.site-a.example"));
        assertNull(ConnectionEdits.checkHost("fe80::1"));
        assertEquals("host: '10.0.3.300' is no IPv4 address (each part 0..255)", ConnectionEdits.checkHost("10.0.3.300"));
        assertEquals("host: 'plc 7' is no host name (letters, digits and '-' between dots)",
                ConnectionEdits.checkHost("plc 7"));
        assertEquals("host: 'plc..a' is no host name (letters, digits and '-' between dots)",
                ConnectionEdits.checkHost("plc..a"));
        assertEquals("host: 'fe80::zz' is no IPv6 address", ConnectionEdits.checkHost("fe80::zz"));
        assertNull(ConnectionEdits.checkHost("2001:db8:0:0:0:0:2:1"));
        assertNull(ConnectionEdits.checkHost("::ffff:10.0.0.1"));
        assertNull(ConnectionEdits.checkHost("::1"));
        assertEquals("host: ':::' is no IPv6 address", ConnectionEdits.checkHost(":::"));
        assertEquals("host: '1:2:3:4:5:6:7:8:9' is no IPv6 address", ConnectionEdits.checkHost("1:2:3:4:5:6:7:8:9"));
        assertEquals("host: '1::2::3' is no IPv6 address", ConnectionEdits.checkHost("1::2::3"));
        assertEquals("host: '12345::1' is no IPv6 address", ConnectionEdits.checkHost("12345::1"));
    }

    @Test
    void portsFollowTheDtmRule() {
        assertNull(ConnectionEdits.checkPort("502"));
        assertNull(ConnectionEdits.checkPort("65535"));
        assertEquals("port: must be from 1 to 65535 (ge=1, le=65535)", ConnectionEdits.checkPort("0"));
        assertEquals("port: must be from 1 to 65535 (ge=1, le=65535)", ConnectionEdits.checkPort("65536"));
        assertEquals("port: must be a whole number from 1 to 65535", ConnectionEdits.checkPort("50a"));
        assertEquals("port: must be a whole number from 1 to 65535", ConnectionEdits.checkPort(""));
    }

    @Test
    void anEditChangesOnlyThatDevicesConnection() {
        Dtm before = TestDtms.dtm();
        Dtm after = ConnectionEdits.withConnection(before, TestDtms.PDU, " 10.0.3.17 ", 1502);
        assertEquals(2, DtmDiff.compare(before, after).size());
        assertEquals(new DtmDiff.Difference("device " + TestDtms.PDU + " (PDU 1)", "host", "", "10.0.3.17"),
                DtmDiff.compare(before, after).get(0));
        assertEquals(new DtmDiff.Difference("device " + TestDtms.PDU + " (PDU 1)", "port", "502", "1502"),
                DtmDiff.compare(before, after).get(1));
        assertEquals(before.devices().get(0), after.devices().get(0));
    }

    @Test
    void anInvalidEditOrUnknownDeviceIsRefused() {
        assertEquals("port: must be from 1 to 65535 (ge=1, le=65535)", assertThrows(IllegalArgumentException.class,
                () -> ConnectionEdits.withConnection(TestDtms.dtm(), TestDtms.CDU, "10.0.0.1", 0)).getMessage());
        UUID other = UUID.fromString("00000000-0000-4000-8000-000000000001");
        assertEquals("device " + other + " is not in the topology", assertThrows(IllegalArgumentException.class,
                () -> ConnectionEdits.withConnection(TestDtms.dtm(), other, "10.0.0.1", 502)).getMessage());
    }
}
