package io.arcnode.edp.pipeline.internal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.edp.DeploymentProfile;
import io.arcnode.edp.pipeline.api.EdpPipeline;
import io.arcnode.edp.pipeline.api.EdpPlan;
import io.arcnode.edp.pipeline.api.Payloads;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EdpCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return EdpCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void generatesEveryArtifactFlatIntoTheFolderWithOneProgressLineEach(@TempDir Path dir) throws Exception {
        Path payload = dir.resolve("payload.json");
        Files.writeString(payload, Payloads.json(Payloads.of(DeploymentProfile.COMMERCIAL_DC_EXT, 600)));
        Path outDir = dir.resolve("pkg");
        assertEquals(EdpCli.OK, run("generate", payload.toString(), "--out", outDir.toString()), err());
        EdpPlan plan = EdpPipeline.offline().plan(Files.readString(payload));
        List<String> names = plan.artifacts().stream()
                .map(r -> r.url().substring(r.url().lastIndexOf('/') + 1)).sorted().toList();
        try (Stream<Path> files = Files.list(outDir)) {
            assertEquals(names, files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        List<String> progress = out().lines().filter(l -> l.startsWith("[")).toList();
        assertEquals(plan.artifacts().size(), progress.size(), out());
        assertTrue(progress.get(0).matches("\\[ ?1/" + names.size() + "] bom\\.json +[0-9,]+ bytes"), progress.get(0));
        assertTrue(out().contains("profile commercial_dc_ext, 11 compute container(s)"), out());
        assertTrue(out().lines().reduce((a, b) -> b).orElseThrow().startsWith("done: " + names.size() + " files"));
    }

    @Test
    void twoRunsWriteTheSameBytes(@TempDir Path dir) throws Exception {
        Path payload = dir.resolve("p.json");
        Files.writeString(payload, Payloads.json(Payloads.of(DeploymentProfile.DOD_AC, 56)));
        assertEquals(EdpCli.OK, run("generate", payload.toString(), "--out", dir.resolve("a").toString()));
        assertEquals(EdpCli.OK, run("generate", payload.toString(), "--out", dir.resolve("b").toString()));
        try (Stream<Path> files = Files.list(dir.resolve("a"))) {
            for (Path a : files.toList()) {
                assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(dir.resolve("b").resolve(a.getFileName())),
                        a.getFileName().toString());
            }
        }
    }

    @Test
    void invalidPayloadPrintsEveryFieldAndRuleAndWritesNothing(@TempDir Path dir) throws Exception {
        Path payload = dir.resolve("bad.json");
        String json = Payloads.json(Payloads.of(DeploymentProfile.COMMERCIAL_AC, 56))
                .replace("\"target_gpu_count\":56", "\"target_gpu_count\":0")
                .replace("\"contact_email\":\"ops@example.com\"", "\"contact_email\":\"nobody\"");
        Files.writeString(payload, json);
        assertEquals(EdpCli.DATA_ERROR, run("generate", payload.toString(), "--out", dir.resolve("o").toString()));
        assertTrue(err().contains("target_gpu_count: ge"), err());
        assertTrue(err().contains("contact_email:"), err());
        assertTrue(Files.notExists(dir.resolve("o")));
    }

    @Test
    void usageMissingFileAndUnwritableFolderHaveTheirExitCodes(@TempDir Path dir) throws Exception {
        assertEquals(EdpCli.USAGE, run());
        assertEquals(EdpCli.USAGE, run("generate", "p.json"));
        assertEquals(EdpCli.USAGE, run("generate", "p.json", "--out", "x", "--colour"));
        assertEquals(EdpCli.NO_INPUT, run("generate", dir.resolve("none.json").toString(), "--out", "x"));
        Path payload = dir.resolve("p.json");
        Files.writeString(payload, Payloads.json(Payloads.of(DeploymentProfile.COMMERCIAL_AC, 56)));
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertEquals(EdpCli.IO_ERROR, run("generate", payload.toString(), "--out", file.toString()));
        assertTrue(err().contains("bom.json"), err());
    }
}
