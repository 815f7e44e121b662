package io.arcnode.runtime.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The headless product content (feature io.arcnode.feature.gateway) in a real Equinox: every bundle resolves, every
 * ArcNode bundle starts, no Declarative Services component is left unsatisfied or failed, and /health/ready is 200.
 */
class HeadlessRuntimeStartupTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final BundleContext CONTEXT = FrameworkUtil.getBundle(HeadlessRuntimeStartupTest.class)
            .getBundleContext();

    private static ServiceTracker<ServiceComponentRuntime, ServiceComponentRuntime> scr;
    private static ServiceTracker<HttpServiceRuntime, HttpServiceRuntime> http;

    @BeforeAll
    static void track() {
        scr = new ServiceTracker<>(CONTEXT, ServiceComponentRuntime.class, null);
        scr.open();
        http = new ServiceTracker<>(CONTEXT, HttpServiceRuntime.class, null);
        http.open();
    }

    @AfterAll
    static void untrack() {
        scr.close();
        http.close();
    }

    /** Polls until {@code problems} is empty; fails listing the last problems seen. */
    private static void awaitNoProblems(String what, Supplier<List<String>> problems) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        List<String> last = problems.get();
        while (!last.isEmpty()) {
            if (System.nanoTime() > deadline) {
                fail(what + " after " + TIMEOUT.toSeconds() + " s:\n  " + String.join("\n  ", last));
            }
            TimeUnit.MILLISECONDS.sleep(100);
            last = problems.get();
        }
    }

    @Test
    void everyBundleResolvesAndArcnodeBundlesStart() throws InterruptedException {
        awaitNoProblems("bundles not resolved or not started", () -> {
            List<String> problems = new ArrayList<>();
            for (Bundle b : CONTEXT.getBundles()) {
                if (b.getState() == Bundle.INSTALLED) {
                    problems.add(b.getSymbolicName() + " is not resolved");
                }
                boolean fragment = b.getHeaders().get("Fragment-Host") != null;
                boolean lazy = "lazy".equals(b.getHeaders().get("Bundle-ActivationPolicy"));
                if (b.getSymbolicName().startsWith("io.arcnode.") && !fragment && lazy
                        && b.getState() != Bundle.ACTIVE) {
                    problems.add(b.getSymbolicName() + " is not active (state " + b.getState() + ")");
                }
            }
            return problems;
        });
        for (String bsn : List.of("io.arcnode.api", "io.arcnode.config", "io.arcnode.http", "io.arcnode.logging")) {
            assertTrue(List.of(CONTEXT.getBundles()).stream().anyMatch(b -> bsn.equals(b.getSymbolicName())),
                    bsn + " is part of the product content");
        }
    }

    @Test
    void noComponentIsLeftUnsatisfied() throws InterruptedException {
        ServiceComponentRuntime runtime = waitFor(scr, "ServiceComponentRuntime");
        awaitNoProblems("components not active", () -> {
            List<String> problems = new ArrayList<>();
            for (ComponentDescriptionDTO d : runtime.getComponentDescriptionDTOs()) {
                if (!runtime.isComponentEnabled(d)) {
                    problems.add(d.name + " is disabled");
                    continue;
                }
                var configs = runtime.getComponentConfigurationDTOs(d);
                if (configs.isEmpty() && d.bundle.symbolicName.startsWith("io.arcnode.")) {
                    problems.add(d.name + " has no configuration (missing required configuration?)");
                }
                for (ComponentConfigurationDTO c : configs) {
                    if (c.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE
                            || c.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION
                            || c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                        problems.add(d.name + " state " + c.state + (c.failure == null ? "" : ": " + c.failure));
                    }
                }
            }
            return problems;
        });
        long arcnode = runtime.getComponentDescriptionDTOs().stream()
                .filter(d -> d.bundle.symbolicName.startsWith("io.arcnode.")).count();
        assertTrue(arcnode >= 6, "expected the config and http components, found " + arcnode);
    }

    @Test
    void healthReadyAnswers200() throws Exception {
        waitFor(http, "HttpServiceRuntime");
        awaitNoProblems("/health/ready not 200", () -> {
            String endpoint = endpoint();
            if (endpoint == null) {
                return List.of("no HTTP endpoint yet");
            }
            int code = status(endpoint + "health/ready");
            return code == 200 ? List.of() : List.of(endpoint + "health/ready answered " + code);
        });
        assertEquals(404, status(endpoint() + "no-such-path"), "unknown paths are JSON 404s");
    }

    private static String endpoint() {
        var ref = http.getServiceReference();
        if (ref == null) {
            return null;
        }
        Object ep = ref.getProperty("osgi.http.endpoint");
        String first = ep instanceof String[] many && many.length > 0 ? many[0] : ep == null ? null : ep.toString();
        if (first == null) {
            return null;
        }
        first = first.replace("://0.0.0.0:", "://127.0.0.1:");
        return first.endsWith("/") ? first : first + "/";
    }

    private static int status(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(5000);
            try {
                return c.getResponseCode();
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return 0;
        }
    }

    private static <T> T waitFor(ServiceTracker<T, T> tracker, String name) throws InterruptedException {
        T service = tracker.waitForService(TIMEOUT.toMillis());
        assertNotNull(service, name + " did not appear within " + TIMEOUT.toSeconds() + " s");
        return service;
    }
}
