package io.arcnode.edp.assemblies.api;

import java.util.Collections;
import java.util.Locale;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import io.arcnode.edp.assemblies.internal.model.AssemblyModels;
import io.arcnode.edp.assemblies.internal.model.GlbWriter;
import io.arcnode.edp.assemblies.internal.model.PlateDrawing;
import io.arcnode.edp.assemblies.internal.model.StepWriter;
import io.arcnode.edp.drawing.api.Drawing;

/**
 * Every file of the module assemblies catalogue, keyed by its artifact-store key: the content spec 002 says
 * {@code edp-module-assemblies} puts into the store, and the targets of {@code hardware_selector_map.yaml}.
 * <pre>
 * assemblies/&lt;assembly_id&gt;/&lt;assembly_id&gt;.step | .glb
 * assemblies/plates/plate_&lt;id&gt;.step | .dxf | .pdf
 * </pre>
 * Generated from code, deterministic for a given catalogue revision; {@code demo} and {@code local} seed the
 * artifact store with them on first start.
 */
public final class AssemblyFiles {

    /** The catalogue release these files belong to; stamped into STEP headers and plate title blocks. */
    public static final String CATALOGUE_REVISION = "A";
    public static final String CATALOGUE_DATE = "2026-01-01";

    private AssemblyFiles() {
    }

    /** @return every file of the catalogue by store key (generated on each call; deterministic) */
    public static SortedMap<String, byte[]> all() {
        String stamp = CATALOGUE_DATE + "T00:00:00";
        SortedMap<String, byte[]> files = new TreeMap<>();
        for (String id : AssemblyModels.ASSEMBLIES) {
            files.put(modelKey(id, "step"), StepWriter.write(id, stamp, AssemblyModels.assembly(id)));
            files.put(modelKey(id, "glb"), GlbWriter.write(id, AssemblyModels.assembly(id)));
        }
        for (String plate : new TreeMap<>(AssemblyModels.PLATES).keySet()) {
            files.put(plateKey(plate, "step"), StepWriter.write(plateName(plate), stamp, AssemblyModels.plate(plate)));
            Drawing drawing = PlateDrawing.generate(plate, CATALOGUE_REVISION, CATALOGUE_DATE);
            files.put(plateKey(plate, "dxf"), drawing.dxf());
            files.put(plateKey(plate, "pdf"), drawing.pdf());
        }
        return Collections.unmodifiableSortedMap(files);
    }

    /** @return the keys of {@link #all()} without generating any file (to check a store cheaply) */
    public static SortedSet<String> keys() {
        SortedSet<String> keys = new TreeSet<>();
        for (String id : AssemblyModels.ASSEMBLIES) {
            keys.add(modelKey(id, "step"));
            keys.add(modelKey(id, "glb"));
        }
        for (String plate : AssemblyModels.PLATES.keySet()) {
            for (String ext : new String[] {"step", "dxf", "pdf"}) {
                keys.add(plateKey(plate, ext));
            }
        }
        return Collections.unmodifiableSortedSet(keys);
    }

    private static String modelKey(String assemblyId, String ext) {
        return "assemblies/" + assemblyId + "/" + assemblyId + "." + ext;
    }

    private static String plateName(String plate) {
        return "plate_" + plate.toLowerCase(Locale.ROOT);
    }

    private static String plateKey(String plate, String ext) {
        return "assemblies/plates/" + plateName(plate) + "." + ext;
    }
}
