package io.arcnode.edp.bom.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.DeploymentProfile;
import io.arcnode.api.edp.ModuleResolution;
import org.junit.jupiter.api.Test;

/** 56 000 GPUs = 1 000 containers: counts are linear; times are printed for the README, not asserted. */
class ScaleTest {

    @Test
    void thousandContainers() {
        BomGenerator.generate(Payloads.of(DeploymentProfile.COMMERCIAL_DC_EXT, 56),
                Payloads.resolve(Payloads.of(DeploymentProfile.COMMERCIAL_DC_EXT, 56))).toXlsx(); // warm-up
        for (int containers : new int[] { 1, 10, 100, 1000 }) {
            ConfiguratorPayload p = Payloads.of(DeploymentProfile.COMMERCIAL_DC_EXT, containers * 56);
            ModuleResolution r = Payloads.resolve(p);
            long t0 = System.nanoTime();
            BomDocument bom = BomGenerator.generate(p, r);
            CableHoseSchedule s = CableHoseScheduleGenerator.generate(p, r, bom, CableHoseScheduleTest.CATALOGUE);
            long t1 = System.nanoTime();
            int bytes = bom.toJson().length + bom.toXlsx().length + s.toJson().length + s.toXlsx().length;
            long t2 = System.nanoTime();
            // grid-01: MV1, MV2, 7 racks, 2 x (BT-PCS, CG-PCS), PE, NW-F = 15; each container 6
            assertEquals(15 + 6 * containers, s.entries().size());
            System.out.printf("BOM+schedule for %4d containers: generate %6.1f ms, json+xlsx %7.1f ms "
                    + "(%d entries, %d bytes)%n", containers, (t1 - t0) / 1e6, (t2 - t1) / 1e6, s.entries().size(),
                    bytes);
        }
    }
}
