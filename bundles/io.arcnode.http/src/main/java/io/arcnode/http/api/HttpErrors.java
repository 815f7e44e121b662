package io.arcnode.http.api;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.arcnode.api.ArcnodeJson;
import io.arcnode.api.ValidationException;
import io.arcnode.api.Violation;
import jakarta.servlet.http.HttpServletResponse;

/** Writes the JSON error body every ArcNode endpoint uses: {@code {"error": "...", "detail": ...}}. */
public final class HttpErrors {

    public static final String JSON = "application/json";

    private HttpErrors() {
    }

    /** The error body as a JSON tree; {@code detail} may be null, a string or any JSON value. */
    public static ObjectNode body(String error, JsonNode detail) {
        ObjectNode node = ArcnodeJson.mapper().createObjectNode();
        node.put("error", error);
        node.set("detail", detail == null ? ArcnodeJson.mapper().nullNode() : detail);
        return node;
    }

    public static void write(HttpServletResponse resp, int status, String error, String detail) throws IOException {
        write(resp, status, body(error, detail == null ? null : ArcnodeJson.mapper().getNodeFactory().textNode(detail)));
    }

    /** 422 with one entry per violation: {@code {"field", "rule", "message"}}. */
    public static void unprocessable(HttpServletResponse resp, ValidationException e) throws IOException {
        write(resp, 422, body("validation failed", violations(e)));
    }

    public static JsonNode violations(ValidationException e) {
        var array = ArcnodeJson.mapper().createArrayNode();
        for (Violation v : e.violations()) {
            ObjectNode item = array.addObject();
            item.put("field", v.field());
            item.put("rule", v.rule());
            item.put("message", v.message());
        }
        return array;
    }

    public static void write(HttpServletResponse resp, int status, JsonNode body) throws IOException {
        resp.setStatus(status);
        resp.setContentType(JSON);
        resp.setCharacterEncoding("UTF-8");
        resp.getOutputStream().write(ArcnodeJson.mapper().writeValueAsBytes(body));
    }
}
