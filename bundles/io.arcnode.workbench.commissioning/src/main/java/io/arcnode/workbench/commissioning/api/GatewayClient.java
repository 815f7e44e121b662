package io.arcnode.workbench.commissioning.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.ValidationException;
import io.arcnode.api.dtm.Dtm;
import io.arcnode.api.dtm.Dtms;
import io.arcnode.workbench.orders.api.PlatformClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The gateway's commissioning and live-data API, as the workbench uses it: {@code GET}/{@code POST /topology},
 * {@code GET /measurements} and the alarms API ({@code /api/v1/alarms}). Blocking: the workbench calls it from jobs
 * and its poller, never from the UI thread. Every request is bounded by the timeout (connect and answer), so a
 * gateway that does not answer is reported {@link GatewayException#offline() offline} within it.
 */
public final class GatewayClient {

    /** The default bound of one request: a silent gateway shows as offline well within 5 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    private final GatewayConnection connection;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param connection the gateway
     * @param password   the password for the connection's user ("" for none)
     * @param timeout    the bound of connecting and of each answer
     */
    public GatewayClient(GatewayConnection connection, String password, Duration timeout) {
        this.connection = connection;
        this.timeout = timeout;
        this.authorization = connection.user().isEmpty() ? null : "Basic " + Base64.getEncoder()
                .encodeToString((connection.user() + ":" + (password == null ? "" : password))
                        .getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** @return the gateway */
    public GatewayConnection connection() {
        return connection;
    }

    /** @return the bound of one request */
    public Duration timeout() {
        return timeout;
    }

    /** @return the applied topology; empty when the gateway has none yet (404) */
    public Optional<GatewayTopology> topology() throws GatewayException {
        HttpResponse<String> r = send(request("topology").GET());
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(topology(ok(r)));
    }

    /**
     * Applies {@code dtm} ({@code POST /topology}).
     *
     * @return the new topology with its {@code dtm_version} and the reconciliation
     * @throws GatewayException with the gateway's message (422: one line per violation) when it refuses
     */
    public GatewayTopology apply(Dtm dtm) throws GatewayException {
        return topology(ok(send(request("topology").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ArcnodeJson.write(dtm))))));
    }

    /** @return the adapters' health and the last values ({@code GET /measurements}) */
    public LiveSnapshot measurements() throws GatewayException {
        JsonNode m = ok(send(request("measurements").GET()));
        List<LiveSnapshot.Adapter> adapters = new ArrayList<>();
        for (JsonNode a : m.path("adapters")) {
            adapters.add(new LiveSnapshot.Adapter(a.path("adapter_id").asText(""), a.path("source").asText(""),
                    a.path("device_uuid").isTextual() ? a.get("device_uuid").textValue() : null,
                    a.path("protocol").asText(""), a.path("status").asText(""), text(a.get("reason")),
                    a.path("received").asLong(), a.path("gaps").asLong()));
        }
        Map<String, LiveSnapshot.LastValue> last = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = m.path("last_values").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            last.put(e.getKey(), new LiveSnapshot.LastValue(e.getKey(), v.path("asset_id").asText(""),
                    v.path("parameter").asText(""), v.path("value").asDouble(Double.NaN), text(v.get("unit")),
                    v.path("quality").asText(""), instant(v.path("timestamps").path("gateway_time"))));
        }
        return new LiveSnapshot(m.path("received").asLong(), m.path("published").asLong(), m.path("gaps").asLong(),
                adapters, last);
    }

    /** @return the gateway's alarms, newest first ({@code GET /api/v1/alarms}) */
    public List<GatewayAlarm> alarms() throws GatewayException {
        JsonNode root = ok(send(request("api/v1/alarms").GET()));
        List<GatewayAlarm> out = new ArrayList<>();
        for (JsonNode a : root.path("alarms")) {
            out.add(alarm(a));
        }
        return List.copyOf(out);
    }

    /** Acknowledges alarm {@code id} as {@code by}; @return the alarm after the change */
    public GatewayAlarm acknowledge(String id, String by, String comment) throws GatewayException {
        return operate(id, "ack", by, comment);
    }

    /** Suppresses alarm {@code id} as {@code by}; @return the alarm after the change */
    public GatewayAlarm suppress(String id, String by, String comment) throws GatewayException {
        return operate(id, "suppress", by, comment);
    }

    /** Lifts the suppression of alarm {@code id}; @return the alarm after the change */
    public GatewayAlarm unsuppress(String id, String by, String comment) throws GatewayException {
        return operate(id, "unsuppress", by, comment);
    }

    private GatewayAlarm operate(String id, String action, String by, String comment) throws GatewayException {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("by", by == null ? "" : by);
        if (comment != null && !comment.isBlank()) {
            body.put("comment", comment);
        }
        String path = "api/v1/alarms/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/" + action;
        return alarm(ok(send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())))));
    }

    private static GatewayAlarm alarm(JsonNode a) {
        JsonNode ack = a.get("acknowledged");
        return new GatewayAlarm(a.path("alarm_id").asText(""), a.path("state").asText(""),
                a.path("severity").asText(""), a.path("asset_id").asText(""), a.path("parameter").asText(""),
                a.path("message").asText(""), a.path("value").asDouble(Double.NaN), a.path("raised_at").asText(""),
                ack != null && ack.isObject() ? ack.path("by").asText("") : "");
    }

    private GatewayTopology topology(JsonNode envelope) throws GatewayException {
        Dtm dtm;
        try {
            dtm = Dtms.parse(envelope.path("dtm"));
        } catch (ValidationException e) {
            throw new GatewayException(200, "the gateway's topology is not a valid DTM: " + e.getMessage());
        }
        Map<String, List<String>> rec = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = envelope.path("reconciliation").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> ids = new ArrayList<>();
            e.getValue().forEach(id -> ids.add(id.asText()));
            rec.put(e.getKey(), List.copyOf(ids));
        }
        return new GatewayTopology(envelope.path("dtm_version").asInt(), envelope.path("applied_at").asText(""), dtm,
                rec);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(connection.resolve(path)).timeout(timeout)
                .header("Accept", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws GatewayException {
        HttpRequest r = request.build();
        // the request timeout ends with the response headers; the whole exchange, body included, is bounded here
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(r, HttpResponse.BodyHandlers.ofString());
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw silent(r);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw silent(r);
            }
            String why = cause == null || cause.getMessage() == null
                    ? (cause == null ? e.toString() : cause.getClass().getSimpleName()) : cause.getMessage();
            throw new GatewayException(0, connection.name() + " cannot be reached (" + r.uri() + "): " + why);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new GatewayException(0, "request to " + r.uri() + " cancelled");
        }
    }

    private GatewayException silent(HttpRequest r) {
        return new GatewayException(0, connection.name() + " did not answer within " + timeout.toMillis() + " ms ("
                + r.uri() + ")");
    }

    private static JsonNode ok(HttpResponse<String> r) throws GatewayException {
        String body = r.body() == null ? "" : r.body().strip();
        if (r.statusCode() / 100 != 2) {
            throw new GatewayException(r.statusCode(), "HTTP " + r.statusCode() + " from " + r.uri() + ": "
                    + PlatformClient.errorText(body));
        }
        try {
            return ArcnodeJson.readTree(body);
        } catch (ValidationException e) {
            throw new GatewayException(r.statusCode(), "the answer of " + r.uri() + " is not JSON: "
                    + e.getMessage());
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "" : n.asText();
    }

    private static Instant instant(JsonNode n) {
        if (n == null || !n.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(n.textValue());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
