package io.arcnode.workbench.edp.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.edp.ArtifactKind;
import io.arcnode.api.edp.ArtifactRef;
import io.arcnode.api.edp.ConfiguratorPayload;
import io.arcnode.api.edp.ConfiguratorPayloads;
import io.arcnode.edp.pipeline.api.ArtifactPlan;
import io.arcnode.edp.pipeline.api.EdpPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdpPackagesTest {

    /** A grid-tied site with a BESS: a grid container and every plate the profile lists. */
    static final ConfiguratorPayload PAYLOAD = ConfiguratorPayloads.parse("{\"deployment_id\":"
            + "\"0d9e8f7a-6b5c-4d3e-9f10-a1b2c3d4e5f6\",\"operator_org\":\"Northwind Compute\",\"deployment_site_name\":"
            + "\"Harbour 2\",\"contact_email\":\"site@northwind.example\",\"energy_source\":\"grid_hybrid\","
            + "\"source_capacity_mw\":40,\"primary_workload\":\"ai_inference\",\"gpu_variant\":\"h100_sxm\","
            + "\"target_gpu_count\":560,\"bess_coupling\":\"ac_coupled\",\"bess_capacity_mwh\":8,"
            + "\"grid_connection\":\"grid_tied\",\"climate_zone\":\"arid_hot\",\"deployment_context\":\"commercial\","
            + "\"aws_partition\":\"standard\"}");

    @TempDir
    Path tmp;

    /** Records what a generation was told. */
    static final class Recorder implements EdpPackages.Progress {
        final int cancelAfter;
        int total = -1;
        final List<ArtifactRef> written = new ArrayList<>();

        Recorder(int cancelAfter) {
            this.cancelAfter = cancelAfter;
        }

        @Override
        public void planned(int n) {
            total = n;
        }

        @Override
        public void written(ArtifactRef ref, int index, int n, int bytes) {
            assertEquals(written.size() + 1, index);
            assertEquals(total, n);
            written.add(ref);
        }

        @Override
        public boolean cancelled() {
            return written.size() >= cancelAfter;
        }
    }

    @Test
    void aGenerationIsARevisionWithEveryPlannedArtifactInTheStoreLayout() throws Exception {
        EdpPackages packages = new EdpPackages(tmp.resolve("harbour.json"));
        assertEquals(tmp.resolve("harbour.edp"), packages.folder());
        assertEquals(List.of(), packages.revisions());
        Recorder progress = new Recorder(Integer.MAX_VALUE);
        EdpRevision r1 = packages.generate(PAYLOAD, progress);
        EdpPlan plan = EdpPackages.pipeline().plan(PAYLOAD);
        assertEquals(plan.artifacts(), progress.written, "told about every artifact, in plan order");
        assertEquals(1, r1.number());
        assertEquals("r001", r1.label());
        assertEquals(PAYLOAD.deploymentId(), r1.deploymentId());
        assertEquals(plan.artifacts().size(), r1.artifacts().size());
        for (int i = 0; i < plan.artifacts().size(); i++) {
            ArtifactRef ref = plan.artifacts().get(i);
            EdpArtifact a = r1.artifacts().get(i);
            assertEquals(ref.kind(), a.kind(), "spec 002's artifact order");
            assertEquals(ref.format(), a.format());
            assertEquals(ref.plateId(), a.plateId());
            assertEquals(r1.root().resolve(ArtifactPlan.key(ref)), a.file(), "the artifact store's layout");
            assertEquals(Files.size(a.file()), a.bytes());
        }
        assertEquals(2, r1.of(ArtifactKind.BOM).size());
        assertTrue(r1.find(ArtifactKind.BOM, "xlsx").isPresent());
        assertEquals(List.of("bom", "compute_container_3d", "grid_container_3d", "interface_plate", "sld",
                "pid_cooling", "comms_diagram", "cable_hose_schedule", "installation_graph", "dtm"),
                r1.artifacts().stream().map(a -> a.kind().json()).distinct().toList(), "the ten kinds");
    }

    @Test
    void theSamePayloadGivesTheSameBytesInTheNextRevision() throws Exception {
        EdpPackages packages = new EdpPackages(tmp.resolve("harbour.json"));
        EdpRevision r1 = packages.generate(PAYLOAD, new Recorder(Integer.MAX_VALUE));
        EdpRevision r2 = packages.generate(PAYLOAD, new Recorder(Integer.MAX_VALUE));
        assertEquals(2, r2.number());
        assertEquals(List.of(1, 2), packages.revisions().stream().map(EdpRevision::number).toList());
        assertEquals(r2, packages.latest().orElseThrow());
        for (int i = 0; i < r1.artifacts().size(); i++) {
            assertArrayEquals(Files.readAllBytes(r1.artifacts().get(i).file()),
                    Files.readAllBytes(r2.artifacts().get(i).file()), r1.artifacts().get(i).name());
        }
    }

    @Test
    void aCancelledGenerationLeavesNothingBehind() throws Exception {
        EdpPackages packages = new EdpPackages(tmp.resolve("harbour.json"));
        Recorder stopper = new Recorder(3);
        CancellationException e = assertThrows(CancellationException.class,
                () -> packages.generate(PAYLOAD, stopper));
        assertTrue(e.getMessage().startsWith("EDP generation cancelled after 3 of "), e.getMessage());
        assertEquals(3, stopper.written.size());
        assertEquals(List.of(), packages.revisions());
        try (Stream<Path> left = Files.list(packages.folder())) {
            assertFalse(left.findAny().isPresent(), "no partial folder left");
        }
        assertEquals(1, packages.generate(PAYLOAD, new Recorder(Integer.MAX_VALUE)).number(),
                "the next generation is r001");
    }

    @Test
    void aPackageFetchedIntoTheSameLayoutReadsTheSame() throws Exception {
        EdpPackages packages = new EdpPackages(tmp.resolve("harbour.json"));
        EdpRevision r1 = packages.generate(PAYLOAD, new Recorder(Integer.MAX_VALUE));
        Path copy = packages.folder().resolve("r007");
        try (Stream<Path> all = Files.walk(r1.root())) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path to = copy.resolve(r1.root().relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Files.createDirectories(packages.folder().resolve("notes")); // not a revision
        EdpRevision fetched = packages.latest().orElseThrow();
        assertEquals(7, fetched.number());
        assertEquals(r1.artifacts().stream().map(EdpArtifact::name).toList(),
                fetched.artifacts().stream().map(EdpArtifact::name).toList());
    }

    @Test
    void twoGenerationsOfOneOrderAtOnceGiveTwoCompleteRevisions() throws Exception {
        Path order = Files.writeString(tmp.resolve("twice.json"), "{}");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<EdpRevision> a = pool.submit(() -> new EdpPackages(order)
                    .generate(PAYLOAD, EdpPackages.Progress.NONE));
            java.util.concurrent.Future<EdpRevision> b = pool.submit(() -> new EdpPackages(order)
                    .generate(PAYLOAD, EdpPackages.Progress.NONE));
            EdpRevision first = a.get(120, java.util.concurrent.TimeUnit.SECONDS);
            EdpRevision second = b.get(120, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(java.util.Set.of(1, 2), java.util.Set.of(first.number(), second.number()));
            List<EdpRevision> revisions = new EdpPackages(order).revisions();
            assertEquals(2, revisions.size());
            assertEquals(revisions.get(0).artifacts().size(), revisions.get(1).artifacts().size());
            for (int i = 0; i < revisions.get(0).artifacts().size(); i++) {
                assertArrayEquals(Files.readAllBytes(revisions.get(0).artifacts().get(i).file()),
                        Files.readAllBytes(revisions.get(1).artifacts().get(i).file()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
