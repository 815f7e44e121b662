package io.arcnode.edp.drawing.api;

import io.arcnode.api.dtm.CanopenGwConfig;
import io.arcnode.api.dtm.Device;
import io.arcnode.api.dtm.Dnp3TcpConfig;
import io.arcnode.api.dtm.Dtm;
import io.arcnode.api.dtm.EmsMode;
import io.arcnode.api.dtm.ModbusTcpConfig;
import io.arcnode.api.dtm.OidMap;
import io.arcnode.api.dtm.PdoMap;
import io.arcnode.api.dtm.PointMap;
import io.arcnode.api.dtm.ProtocolConfig;
import io.arcnode.api.dtm.RedfishConfig;
import io.arcnode.api.dtm.RedfishResourceMap;
import io.arcnode.api.dtm.SizingParams;
import io.arcnode.api.dtm.SnmpConfig;
import io.arcnode.api.dtm.SnmpV3Creds;
import io.arcnode.api.edp.AwsPartition;
import io.arcnode.api.edp.BessCoupling;
import io.arcnode.api.edp.ClimateZone;
import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.DeploymentContext;
import io.arcnode.api.edp.EnergySource;
import io.arcnode.api.edp.GpuVariant;
import io.arcnode.api.edp.GridConnection;
import io.arcnode.api.edp.ModuleResolution;
import io.arcnode.edp.drawing.internal.SldLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Test inputs for the P&amp;ID and comms diagram: payload and resolution like
 * {@link SingleLineDiagramTest}, plus DTMs built from records the way the DTM generator does (device list of
 * the assemblies' topology catalogue, host suffixed with the module id).
 */
final class Fixtures {

    static final UUID ID = SingleLineDiagramTest.ID;
    static final String DATE = "2025-06-01";

    private Fixtures() {
    }

    static ConfiguratorPayload payload(EnergySource src, int gpus, BessCoupling bess, GridConnection grid,
            ClimateZone zone) {
        ConfiguratorPayload p = SingleLineDiagramTest.payload(src, gpus, bess, grid);
        return new ConfiguratorPayload(p.deploymentId(), p.operatorOrg(), p.deploymentSiteName(), p.contactEmail(),
                p.energySource(), p.sourceCapacityMw(), p.primaryWorkload(), GpuVariant.H100_SXM, p.targetGpuCount(),
                p.bessCoupling(), p.bessCapacityMwh(), p.gridConnection(), zone, DeploymentContext.COMMERCIAL,
                AwsPartition.STANDARD);
    }

    static ModuleResolution resolution(ConfiguratorPayload p) {
        return SingleLineDiagramTest.resolution(p);
    }

    /** Grid-tied solar with the given count and coupling, temperate. */
    static ConfiguratorPayload payload(int gpus, BessCoupling bess) {
        return payload(EnergySource.SOLAR, gpus, bess, GridConnection.GRID_TIED, ClimateZone.TEMPERATE);
    }

    /** Off-grid without BESS: no grid container. */
    static ConfiguratorPayload offGrid(int gpus) {
        return payload(EnergySource.OFF_GRID, gpus, BessCoupling.NONE, GridConnection.NONE, ClimateZone.TEMPERATE);
    }

    record Dev(String type, String host, int port, ProtocolConfig config) {
    }

    static final ProtocolConfig MODBUS = new ModbusTcpConfig(1, List.of(new PointMap("p", 4, 0, 2)));
    static final ProtocolConfig DNP3 = new Dnp3TcpConfig(1, 10, List.of(new PointMap("p", 1, 0, 1)));
    static final ProtocolConfig SNMP = new SnmpConfig(new SnmpV3Creds("arcnode", "SHA", "AES"),
            List.of(new OidMap("ifInOctets", "1.3.6.1.2.1.2.2.1.10")));
    static final ProtocolConfig CANOPEN = new CanopenGwConfig("ixxat", 5, List.of(new PdoMap("soc", 0x181, 0, 2)));

    static List<Dev> computeDevices(String moduleId) {
        List<Dev> out = new ArrayList<>();
        out.add(new Dev("cdu", "sim-compute-cdu", 502, MODBUS));
        out.add(new Dev("rack_pdu", "sim-compute-pdu-a", 502, MODBUS));
        out.add(new Dev("rack_pdu", "sim-compute-pdu-b", 502, MODBUS));
        for (int i = 1; i <= 7; i++) {
            String node = "gpu-node-0" + i;
            out.add(new Dev("gpu_node_bmc", "sim-compute-bmc-0" + i, 443, new RedfishConfig("arcnode-telemetry",
                    "vault://arcnode/bmc/" + moduleId + "/" + node, null,
                    List.of(new RedfishResourceMap("thermal", "/redfish/v1/Chassis/1/Thermal")))));
        }
        out.add(new Dev("network_switch", "sim-compute-switch", 161, SNMP));
        out.add(new Dev("fire_panel", "sim-compute-fire", 502, MODBUS));
        return out;
    }

    /** grid_container_commercial_ac (no BESS devices) or grid_container_commercial_dc (BMS over CANopen, PCS). */
    static List<Dev> gridDevices(boolean dc) {
        List<Dev> out = new ArrayList<>();
        out.add(new Dev("mv_protection_relay", "sim-grid-relay-mv", 20000, DNP3));
        out.add(new Dev("lv_switchgear", "sim-grid-switchgear-lv", 20000, DNP3));
        out.add(new Dev("transformer_monitor", "sim-grid-xfmr", 502, MODBUS));
        out.add(new Dev("revenue_meter", "sim-grid-meter", 502, MODBUS));
        if (dc) {
            out.add(new Dev("bess_bms", "sim-grid-bms-gw", 19227, CANOPEN));
            out.add(new Dev("pcs", "sim-grid-pcs", 502, MODBUS));
        }
        out.add(new Dev("fire_panel", "sim-grid-fire", 502, MODBUS));
        out.add(new Dev("network_switch", "sim-grid-switch", 161, SNMP));
        return out;
    }

    /** A DTM for the resolution: compute modules first, then grid-01 (when present), as records. */
    static Dtm dtm(ModuleResolution r) {
        int n = r.computeContainerCount();
        List<io.arcnode.api.dtm.Module> modules = new ArrayList<>();
        List<Device> devices = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String id = SldLayout.computeId(i, n);
            modules.add(new io.arcnode.api.dtm.Module(id, "compute_container", SldLayout.position(i, n), "compute"));
            for (Dev d : computeDevices(id)) {
                devices.add(device(d, id));
            }
        }
        if (r.gridContainerPresent()) {
            boolean dc = r.bessCoupling() == BessCoupling.DC_EXTERNAL_PCS
                    || r.bessCoupling() == BessCoupling.DC_INTEGRATED_PCS;
            modules.add(new io.arcnode.api.dtm.Module("grid-01", SldLayout.gridContainerAssembly(r.deploymentProfile()),
                    "G01", "grid"));
            for (Dev d : gridDevices(dc)) {
                devices.add(device(d, "grid-01"));
            }
        }
        return new Dtm(r.deploymentId(), EmsMode.SIM, new SizingParams(n * 71.4, r.bessCapacityMwh() * 1000, 32),
                modules, devices);
    }

    static Device device(Dev d, String moduleId) {
        String host = d.host() + "." + moduleId;
        UUID u = UUID.nameUUIDFromBytes((moduleId + "/" + host + "/" + d.type()).getBytes(StandardCharsets.UTF_8));
        return new Device(u, d.type(), moduleId, host, d.port(), d.config(), d.type() + " of " + moduleId);
    }
}
