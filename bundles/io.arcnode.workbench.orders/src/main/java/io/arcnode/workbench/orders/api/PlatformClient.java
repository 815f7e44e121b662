package io.arcnode.workbench.orders.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.ValidationException;
import io.arcnode.api.edp.ConfiguratorPayload;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Submits an order to a platform: {@code POST <platform>/submit} with the payload's JSON. Blocking: the workbench
 * calls it from a job, never from the UI thread. A platform that cannot be reached or does not answer within the
 * timeout is {@link Outcome#OFFLINE}: the order stays in its file, nothing is lost.
 */
public final class PlatformClient {

    /** What came of a submission. */
    public enum Outcome {
        /** 2xx: the platform took the order. */
        ACCEPTED,
        /** Any other status: the platform answered and refused; {@link Result#message()} is its reason. */
        REFUSED,
        /** No answer: no network, refused connection, timeout. */
        OFFLINE
    }

    /**
     * @param outcome what happened
     * @param status  the HTTP status, 0 when offline
     * @param message the platform's answer (its body, an error's {@code error} and {@code detail}, one line per
     *                violation), or why it could not be reached
     */
    public record Result(Outcome outcome, int status, String message) {
    }

    private final URI submit;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param platform the platform's base URL, e.g. {@code https://platform.example.com/}
     * @param timeout  for connecting and for the answer
     * @throws IllegalArgumentException if the URL is not http(s) with a host
     */
    public PlatformClient(URI platform, Duration timeout) {
        if (platform == null || platform.getHost() == null
                || !("http".equals(platform.getScheme()) || "https".equals(platform.getScheme()))) {
            throw new IllegalArgumentException("platform URL '" + platform + "' must be http:// or https:// with a"
                    + " host");
        }
        String base = platform.toString();
        this.submit = URI.create(base.endsWith("/") ? base + "submit" : base + "/submit");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** @return the URL orders are posted to */
    public URI submitUrl() {
        return submit;
    }

    /** Posts {@code payload}; never throws for network trouble (that is {@link Outcome#OFFLINE}). */
    public Result submit(ConfiguratorPayload payload) {
        HttpRequest request = HttpRequest.newBuilder(submit).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(ArcnodeJson.write(payload))).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return new Result(Outcome.OFFLINE, 0, "the platform did not answer within " + timeout.toSeconds()
                    + " s (" + submit + ")");
        } catch (IOException e) {
            return new Result(Outcome.OFFLINE, 0, "the platform cannot be reached (" + submit + "): "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Outcome.OFFLINE, 0, "submission cancelled");
        }
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body().strip();
        if (status / 100 == 2) {
            return new Result(Outcome.ACCEPTED, status, body.isEmpty() ? "HTTP " + status : unquote(body));
        }
        return new Result(Outcome.REFUSED, status, "HTTP " + status + ": " + errorText(body));
    }

    /**
     * The text of a server's answer for people: an ArcNode error body ({@code error}, then {@code detail}, one line
     * per violation as {@code field: message [rule]}), else the body itself. Shared by every workbench client of an
     * ArcNode server (platform, gateway).
     */
    public static String errorText(String body) {
        JsonNode json;
        try {
            json = ArcnodeJson.readTree(body);
        } catch (ValidationException notJson) {
            return body.isEmpty() ? "(no body)" : body;
        }
        if (!json.isObject() || !json.has("error")) {
            return body;
        }
        List<String> lines = new ArrayList<>();
        lines.add(json.get("error").asText());
        JsonNode detail = json.get("detail");
        if (detail != null && detail.isArray()) {
            for (JsonNode v : detail) {
                String field = v.path("field").asText("");
                lines.add((field.isEmpty() ? "" : field + ": ") + v.path("message").asText("")
                        + " [" + v.path("rule").asText("") + "]");
            }
        } else if (detail != null && !detail.isNull()) {
            lines.add(detail.isTextual() ? detail.textValue() : detail.toString());
        }
        return String.join("\n", lines);
    }

    private static String unquote(String body) {
        try {
            JsonNode json = ArcnodeJson.readTree(body);
            return json.isTextual() ? json.textValue() : body;
        } catch (ValidationException notJson) {
            return body;
        }
    }
}
