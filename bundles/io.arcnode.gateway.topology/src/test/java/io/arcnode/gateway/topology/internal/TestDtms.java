package io.arcnode.gateway.topology.internal;

import io.arcnode.api.dtm.Dtm;
import io.arcnode.api.dtm.Dtms;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.stream.api.PublishAck;
import io.arcnode.stream.api.StreamTopics;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** DTM texts for the tests: a grid module, Modbus and SNMP devices with a given host and port. */
final class TestDtms {

    static final String MODBUS = "{\"protocol\":\"modbus_tcp\",\"unit_id\":1,\"point_maps\":[{\"name\":\"soc\","
            + "\"function_code\":3,\"start_address\":0,\"count\":2}]}";
    static final String SNMP = "{\"protocol\":\"snmp\",\"creds\":{\"user\":\"ems\",\"auth_proto\":\"SHA256\","
            + "\"priv_proto\":\"AES128\"},\"oid_maps\":[{\"name\":\"ups_load\",\"oid\":\"1.3.6.1.2.1.33.1.4.4.1.5\"}]}";

    /** A stream whose broker acknowledges every measurement at once, on {@code telemetry.raw}. */
    static final AdapterManager.Downstream ACKING = m -> CompletableFuture.completedFuture(
            new PublishAck(StreamTopics.TELEMETRY_RAW, 0, 0));
    /** A stream that refuses every measurement (a gap). */
    static final AdapterManager.Downstream REFUSING = m -> CompletableFuture.failedFuture(
            new IllegalStateException("no local stream"));

    /** @return an {@link #ACKING} stream that also records what it was handed */
    static AdapterManager.Downstream acking(List<Measurement> into) {
        return m -> {
            into.add(m);
            return ACKING.publish(m);
        };
    }

    private TestDtms() {
    }

    static String uuid(int n) {
        return String.format("00000000-0000-4000-8000-%012d", n);
    }

    static String device(int n, String host, int port, String protocolConfig) {
        return "{\"device_uuid\":\"" + uuid(n) + "\",\"device_type\":\"bess_bms\",\"module_id\":\"grid-1\","
                + "\"host\":\"" + host + "\",\"port\":" + port + ",\"protocol_config\":" + protocolConfig
                + ",\"description\":\"device " + n + "\"}";
    }

    static String text(String mode, String... devices) {
        return "{\"deployment_uuid\":\"6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b\",\"ems_mode\":\"" + mode + "\","
                + "\"sizing_params\":{\"P_compute_total_kW\":1200.0,\"E_BESS_total_kWh\":20000.0,"
                + "\"T_coolant_setpoint_C\":32.5},"
                + "\"modules\":[{\"module_id\":\"grid-1\",\"module_type\":\"grid_container\","
                + "\"container_position\":\"B1\",\"description\":\"g1\"}],"
                + "\"devices\":[" + String.join(",", devices) + "]}";
    }

    static Dtm dtm(String mode, String... devices) {
        return Dtms.parse(text(mode, devices));
    }
}
