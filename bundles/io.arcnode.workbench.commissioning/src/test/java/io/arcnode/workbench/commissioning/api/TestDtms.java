package io.arcnode.workbench.commissioning.api;

import io.arcnode.api.dtm.Dtm;
import io.arcnode.api.dtm.Dtms;
import java.util.UUID;

/** A small DTM: one module, two Modbus devices. */
final class TestDtms {

    static final UUID CDU = UUID.fromString("d69bee15-1a1f-512a-aa17-c621b0e7e8ae");
    static final UUID PDU = UUID.fromString("7677d05d-477c-56f8-9e20-2008ddb29192");

    static final String JSON = """
            {"deployment_uuid":"5b0c1a52-2f0e-4d7e-9a57-6d1f1f9b8c01","ems_mode":"sim",
             "sizing_params":{"P_compute_total_kW":800.0,"E_BESS_total_kWh":1000.0,"T_coolant_setpoint_C":30.0},
             "modules":[{"module_id":"compute-01","module_type":"compute_container","container_position":"C01",
                         "description":"Compute container 1"}],
             "devices":[
              {"device_uuid":"d69bee15-1a1f-512a-aa17-c621b0e7e8ae","device_type":"cdu","module_id":"compute-01",
               "host":"127.0.0.1","port":15021,"protocol_config":{"protocol":"modbus_tcp","unit_id":1,
               "point_maps":[{"name":"supply_temp_c","function_code":4,"start_address":0,"count":2}]},
               "description":"CDU 1"},
              {"device_uuid":"7677d05d-477c-56f8-9e20-2008ddb29192","device_type":"rack_pdu","module_id":"compute-01",
               "host":"","port":502,"protocol_config":{"protocol":"modbus_tcp","unit_id":2,
               "point_maps":[{"name":"active_power_kw","function_code":4,"start_address":0,"count":2}]},
               "description":"PDU 1"}]}""";

    private TestDtms() {
    }

    static Dtm dtm() {
        return Dtms.parse(JSON);
    }
}
