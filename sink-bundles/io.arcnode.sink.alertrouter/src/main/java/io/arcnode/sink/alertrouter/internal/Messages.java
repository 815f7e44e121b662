package io.arcnode.sink.alertrouter.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The texts and webhook bodies of notices and digests. */
final class Messages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Messages() {
    }

    static String subject(AlarmNotice n) {
        return "[ArcNode " + n.severity() + "] " + ("raised".equals(n.event()) ? "ACTIVE" : n.to()) + " "
                + n.assetId() + "/" + n.parameter() + ": " + n.message();
    }

    static String digestSubject(RoutingTable.Route r, List<AlarmNotice> notices) {
        return "[ArcNode digest] " + notices.size() + " alarm change(s), " + r.severities();
    }

    static String digestText(List<AlarmNotice> notices) {
        StringBuilder b = new StringBuilder();
        for (AlarmNotice n : notices) {
            b.append(n.line()).append('\n');
        }
        return b.toString();
    }

    /** slack: {@code {"text": line}}; json: {@code {"text": line, "alarm": <the alarms.clean record>}} */
    static String webhook(RoutingTable.Webhook to, AlarmNotice n) {
        ObjectNode body = JSON.createObjectNode();
        body.put("text", n.line());
        if (!to.slack()) {
            body.set("alarm", n.json());
        }
        return body.toString();
    }

    /** slack: {@code {"text": subject + lines}}; json: {@code {"text": ..., "digest": [records]}} */
    static String digestWebhook(RoutingTable.Webhook to, RoutingTable.Route r, List<AlarmNotice> notices) {
        ObjectNode body = JSON.createObjectNode();
        body.put("text", digestSubject(r, notices) + "\n" + digestText(notices));
        if (!to.slack()) {
            ArrayNode a = body.putArray("digest");
            notices.forEach(n -> a.add(n.json()));
        }
        return body.toString();
    }
}
