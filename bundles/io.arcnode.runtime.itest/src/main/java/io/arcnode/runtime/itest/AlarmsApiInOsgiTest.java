package io.arcnode.runtime.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;
import org.osgi.util.tracker.ServiceTracker;

/**
 * {@code /api/v1/alarms} of the alarms bundle through the real HTTP whiteboard (Jetty) in Equinox. No broker runs
 * here, so the alarm table is the (empty) local store: reads answer, operator actions are checked and then refused
 * with 503 because the stage cannot publish them.
 */
class AlarmsApiInOsgiTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final BundleContext CONTEXT = FrameworkUtil.getBundle(AlarmsApiInOsgiTest.class)
            .getBundleContext();
    private static ServiceTracker<HttpServiceRuntime, HttpServiceRuntime> http;

    private record Answer(int status, String body) {
    }

    @BeforeAll
    static void track() {
        http = new ServiceTracker<>(CONTEXT, HttpServiceRuntime.class, null);
        http.open();
    }

    @AfterAll
    static void untrack() {
        http.close();
    }

    private static String endpoint() throws InterruptedException {
        assertNotNull(http.waitForService(TIMEOUT.toMillis()), "no HttpServiceRuntime");
        Object ep = http.getServiceReference().getProperty("osgi.http.endpoint");
        String first = ep instanceof String[] many && many.length > 0 ? many[0] : String.valueOf(ep);
        first = first.replace("://0.0.0.0:", "://127.0.0.1:");
        return first.endsWith("/") ? first : first + "/";
    }

    private static Answer call(String method, String url, String body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setConnectTimeout(2000);
        c.setReadTimeout(40_000);
        c.setRequestMethod(method);
        if (body != null) {
            c.setDoOutput(true);
            c.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = c.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            int code = c.getResponseCode();
            InputStream in = code >= 400 ? c.getErrorStream() : c.getInputStream();
            return new Answer(code, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            c.disconnect();
        }
    }

    @Test
    void listGetAndOperatorActionsThroughTheWhiteboard() throws Exception {
        String api = endpoint() + "api/v1/alarms";
        // the component registers its servlet once the framework is up: wait for it to answer
        await().atMost(TIMEOUT).ignoreExceptions().until(() -> call("GET", api, null).status() == 200);
        Answer list = call("GET", api, null);
        assertEquals(200, list.status(), list.body());
        assertTrue(list.body().contains("\"alarms\":[]") && list.body().contains("\"count\":0"), list.body());

        Answer badFilter = call("GET", api + "?state=OPEN", null);
        assertEquals(422, badFilter.status());
        assertTrue(badFilter.body().contains("\"field\":\"state\""), badFilter.body());

        Answer unknown = call("GET", api + "/alm-1", null);
        assertEquals(404, unknown.status());
        assertTrue(unknown.body().contains("no alarm alm-1"), unknown.body());

        Answer noBy = call("POST", api + "/alm-1/ack", "{\"comment\": \"seen\"}");
        assertEquals(422, noBy.status());
        assertTrue(noBy.body().contains("\"field\":\"by\"") && noBy.body().contains("\"rule\":\"required\""),
                noBy.body());

        Answer noStage = call("POST", api + "/alm-1/ack", "{\"by\": \"alice\"}");
        assertEquals(503, noStage.status(), "no broker here: the action cannot be published");
        assertTrue(noStage.body().contains("alarms stage not running"), noStage.body());
    }
}
