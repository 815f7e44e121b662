import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.ConfiguratorPayloads;
import io.arcnode.workbench.edp.api.EdpPackages;
import io.arcnode.workbench.edp.api.EdpRevision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The workbench's offline EDP generation (prints figures, never passes or fails): "Generate EDP" for an order of 560
 * GPUs exactly as the workbench runs it ({@link EdpPackages#generate}, a new revision folder beside the order, the
 * shipped catalogue, no network), over the built workbench product's bundles. The first run in a fresh JVM includes
 * loading the catalogue (what the engineer waits for the first time after starting the workbench); then warm runs.
 * Run by releng/bench/workbench.sh.
 */
public class WorkbenchEdpBench {

    public static void main(String[] args) throws Exception {
        int gpus = args.length > 1 ? Integer.parseInt(args[1]) : 560;
        int warm = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path dir = Path.of(args[0]);
        ConfiguratorPayload payload = ConfiguratorPayloads.parse("{\"deployment_id\":"
                + "\"5e0c2a41-7d3b-4c9a-9f21-0b8e6d4c2a17\",\"operator_org\":\"Northwind Power\","
                + "\"deployment_site_name\":\"Bench Site\",\"contact_email\":\"ops@example.com\","
                + "\"energy_source\":\"solar\",\"source_capacity_mw\":70.0,\"primary_workload\":\"ai_training\","
                + "\"gpu_variant\":\"b200\",\"target_gpu_count\":" + gpus + ",\"bess_coupling\":\"dc_external_pcs\","
                + "\"bess_capacity_mwh\":6.0,\"grid_connection\":\"grid_tied\",\"climate_zone\":\"arid_hot\","
                + "\"deployment_context\":\"commercial\",\"aws_partition\":\"standard\"}");
        EdpPackages packages = new EdpPackages(dir.resolve("bench order.json"));
        List<Long> times = new ArrayList<>();
        EdpRevision last = null;
        for (int i = 0; i <= warm; i++) {
            long t0 = System.nanoTime();
            last = packages.generate(payload, EdpPackages.Progress.NONE);
            times.add((System.nanoTime() - t0) / 1_000_000);
        }
        long bytes = 0;
        for (var a : last.artifacts()) {
            bytes += Files.size(a.file());
        }
        List<Long> sorted = new ArrayList<>(times.subList(1, times.size()));
        sorted.sort(null);
        System.out.printf("offline EDP generation, %d GPUs, %d files, %.1f MiB per revision:%n", gpus,
                last.artifacts().size(), bytes / 1048576.0);
        System.out.printf("  first in a fresh JVM (catalogue loaded): %d ms%n", times.get(0));
        if (!sorted.isEmpty()) {
            System.out.printf("  warm, %d runs: min %d ms, median %d ms, max %d ms%n", sorted.size(), sorted.get(0),
                    sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
        }
    }
}
