package io.arcnode.sink.alertrouter.internal;

import io.arcnode.sink.api.SinkException;
import io.arcnode.sink.api.SinkWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes one poll's alarm changes. A change that is not {@linkplain AlarmNotice#routed routed} (ack, suppression,
 * condition changes of an open alarm) is counted as skipped. For each route of the notice's severity: an immediate
 * route sends it to each destination now; a digest route appends it to its {@link DigestSpool} (on disk before
 * this returns). A (notice, destination) pair already sent is remembered (the last {@value #REMEMBERED} pairs), so
 * the retry of a batch after a failure does not send again to the destinations it reached: delivery is
 * at-least-once only across a crash between a send and the commit.
 */
final class AlertRouterWriter implements SinkWriter<AlarmNotice> {

    static final int REMEMBERED = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(AlertRouterWriter.class);

    private final RoutingTable table;
    private final Map<String, DigestSpool> spools;
    private final Deliveries deliveries;
    private final Clock clock;
    private final AtomicLong skipped;
    private final AtomicLong unrouted;
    private final Set<Severity> warned = EnumSet.noneOf(Severity.class);
    private final Set<String> sent = new LinkedHashSet<>();

    /** @param spools by route name, one per digest route */
    AlertRouterWriter(RoutingTable table, Map<String, DigestSpool> spools, Deliveries deliveries, Clock clock,
            AtomicLong skipped, AtomicLong unrouted) {
        this.table = table;
        this.spools = spools;
        this.deliveries = deliveries;
        this.clock = clock;
        this.skipped = skipped;
        this.unrouted = unrouted;
    }

    @Override
    public void write(List<AlarmNotice> batch) throws SinkException {
        Map<DigestSpool, List<AlarmNotice>> digests = new LinkedHashMap<>();
        for (AlarmNotice n : batch) {
            if (!n.routed()) {
                skipped.incrementAndGet();
                continue;
            }
            List<RoutingTable.Route> routes = table.matching(n.severity());
            if (routes.isEmpty()) {
                unrouted.incrementAndGet();
                if (warned.add(n.severity())) {
                    LOG.warn("alert router: no route for severity {} (alarm {}): such alarms are only in the UI",
                            n.severity(), n.alarmId());
                }
                continue;
            }
            for (RoutingTable.Route r : routes) {
                if (r.digest()) {
                    digests.computeIfAbsent(spools.get(r.name()), k -> new ArrayList<>()).add(n);
                    continue;
                }
                for (RoutingTable.Destination d : r.destinations()) {
                    String key = n.id() + "->" + d.name();
                    if (sent.contains(key)) {
                        continue;
                    }
                    if (d instanceof RoutingTable.Webhook w) {
                        deliveries.post(w, Messages.webhook(w, n));
                    } else if (d instanceof RoutingTable.Email e) {
                        deliveries.mail(e, Messages.subject(n), n.line() + "\n");
                    }
                    remember(key);
                }
            }
        }
        for (Map.Entry<DigestSpool, List<AlarmNotice>> e : digests.entrySet()) {
            e.getKey().append(e.getValue(), clock.instant());
        }
    }

    private void remember(String key) {
        sent.add(key);
        if (sent.size() > REMEMBERED) {
            sent.remove(sent.iterator().next());
        }
    }
}
