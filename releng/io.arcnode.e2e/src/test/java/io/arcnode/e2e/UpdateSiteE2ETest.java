package io.arcnode.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The p2 update site holds every ArcNode feature and what they need: the build's p2 director run installed the
 * gateway and platform feature groups from the site alone into {@code target/install-from-site}.
 */
class UpdateSiteE2ETest {

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void siteListsEveryFeature() throws IOException {
        List<String> features = names(Products.repo().resolve("releng/io.arcnode.site/target/repository/features"));
        for (String id : List.of("io.arcnode.feature.core_", "io.arcnode.feature.runtime_",
                "io.arcnode.feature.gateway_", "io.arcnode.feature.platform_")) {
            assertTrue(features.stream().anyMatch(f -> f.startsWith(id)), id + " missing from " + features);
        }
    }

    @Test
    void directorInstalledProductContentFromTheSiteAlone() throws IOException {
        Path installed = Products.repo().resolve("releng/io.arcnode.site/target/install-from-site/plugins");
        assertTrue(Files.isDirectory(installed), "no p2 install at " + installed);
        List<String> plugins = names(installed);
        for (String bsn : List.of("io.arcnode.api_", "io.arcnode.config_", "io.arcnode.http_", "io.arcnode.logging_",
                "org.apache.felix.scr_", "org.apache.felix.http.jetty12_", "ch.qos.logback.classic_")) {
            assertTrue(plugins.stream().anyMatch(p -> p.startsWith(bsn)), bsn + " not installed: " + plugins);
        }
    }
}
