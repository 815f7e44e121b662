package io.arcnode.runtime.itest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.edp.AwsPartition;
import io.arcnode.api.edp.BessCoupling;
import io.arcnode.api.edp.ClimateZone;
import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.DeploymentContext;
import io.arcnode.api.edp.EnergySource;
import io.arcnode.api.edp.GpuVariant;
import io.arcnode.api.edp.GridConnection;
import io.arcnode.api.edp.ModuleResolution;
import io.arcnode.api.edp.PrimaryWorkload;
import io.arcnode.edp.assemblies.api.AssemblyCatalogue;
import io.arcnode.edp.bom.api.BomDocument;
import io.arcnode.edp.bom.api.BomGenerator;
import io.arcnode.edp.bom.api.CableHoseSchedule;
import io.arcnode.edp.bom.api.CableHoseScheduleGenerator;
import io.arcnode.edp.resolver.api.ModuleResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * POI inside Equinox: the BOM and the cable and hose schedule write their XLSX with the bundles of feature
 * io.arcnode.feature.edp only (the wrapped POI bundles import their own dependencies optionally), whatever thread
 * context class loader the caller has, and leave the caller's one in place.
 */
class BomXlsxInOsgiTest {

    @Test
    void bomAndScheduleWriteXlsxInTheFramework() throws IOException {
        ConfiguratorPayload p = new ConfiguratorPayload(UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7"),
                "Arc Operator", "Site Alpha", "ops@example.com", EnergySource.SOLAR, 20, PrimaryWorkload.AI_TRAINING,
                GpuVariant.B200, 560, BessCoupling.DC_EXTERNAL_PCS, 2.5, GridConnection.GRID_TIED,
                ClimateZone.ARID_HOT, DeploymentContext.COMMERCIAL, AwsPartition.STANDARD);
        ModuleResolution r = ModuleResolver.resolve(p);
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        ClassLoader caller = new ClassLoader(null) {
        };
        thread.setContextClassLoader(caller);
        try {
            BomDocument bom = BomGenerator.generate(p, r);
            CableHoseSchedule schedule = CableHoseScheduleGenerator.generate(p, r, bom, AssemblyCatalogue.load());
            byte[] bomXlsx = bom.toXlsx();
            byte[] scheduleXlsx = schedule.toXlsx();
            assertSame(caller, thread.getContextClassLoader(), "context class loader restored");
            assertArrayEquals(bomXlsx, bom.toXlsx());
            assertSheet(bomXlsx, "AN-CC40-B200");
            assertSheet(scheduleXlsx, "compute-10.NW-F");
        } finally {
            thread.setContextClassLoader(saved);
        }
    }

    /** The workbook is a ZIP with the content types first and the text in its shared strings. */
    private static void assertSheet(byte[] xlsx, String text) throws IOException {
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            ZipEntry first = in.getNextEntry();
            assertEquals("[Content_Types].xml", first.getName());
            for (ZipEntry e = first; e != null; e = in.getNextEntry()) {
                String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                found |= e.getName().equals("xl/sharedStrings.xml") && content.contains(text);
            }
        }
        assertTrue(found, text + " in xl/sharedStrings.xml");
    }
}
