package io.arcnode.gateway.alarms.internal;

import io.arcnode.api.telemetry.AlarmState;
import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The alarm engine: evaluates the {@link AlarmRule}s on each reading (deadband, on/off delay in device time), turns
 * {@code alarms.raw} readings into alarms, and runs the lifecycle ACTIVE → ACKNOWLEDGED → CLEARED, SUPPRESSED. Each
 * method returns the alarms it changed (new versions, {@link Alarm#seq()} in order); the caller publishes and stores
 * them. Thread-safe (one lock); no I/O. Alarms are never removed.
 */
public final class AlarmEngine {

    /** Metadata keys of an {@code alarms.raw} reading. */
    static final String META_RULE = "rule";
    static final String META_REASON = "reason";
    static final String META_SEVERITY = "severity";
    /** Who condition transitions are recorded as. */
    static final String BY_CONDITION = "condition";
    /** Rule name prefix of the alarms read from {@code alarms.raw}. */
    static final String RAW_PREFIX = "raw:";

    /** The id names no alarm (HTTP 404). */
    public static final class UnknownAlarm extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownAlarm(String id) {
            super("no alarm " + id);
        }
    }

    /** The operator action is not allowed in the alarm's state (HTTP 409); the message states the rule. */
    public static final class IllegalTransition extends RuntimeException {
        private static final long serialVersionUID = 1L;

        IllegalTransition(String message) {
            super(message);
        }
    }

    private record Point(String rule, String assetId, String parameter) {
    }

    /** The debounced condition of one point, and its open alarm. */
    private static final class PointState {
        boolean inAlarm;
        Instant pendingSince; // first reading (device time) disagreeing with inAlarm, waiting for the delay
        String openAlarm;
    }

    /** What an alarm raised on a point is made of. */
    private record Raise(String rule, String condition, Severity severity, String message, Duration onDelay,
            Duration offDelay) {
    }

    private final List<AlarmRule> rules;
    private final Clock clock;
    private final Map<String, Alarm> alarms = new LinkedHashMap<>();
    private final Map<Point, PointState> points = new HashMap<>();
    private long seq;
    private long lastId;

    /**
     * @param rules    the conditions
     * @param clock    the gateway clock, for operator actions
     * @param restored the last version of every alarm known (from the store), in any order
     */
    public AlarmEngine(List<AlarmRule> rules, Clock clock, Collection<Alarm> restored) {
        this.rules = List.copyOf(rules);
        this.clock = Objects.requireNonNull(clock, "clock");
        restored.stream().sorted(Comparator.comparingLong(Alarm::seq)).forEach(this::put);
    }

    private void put(Alarm a) {
        alarms.put(a.id(), a);
        seq = Math.max(seq, a.seq());
        lastId = Math.max(lastId, number(a.id()));
        Point p = new Point(a.rule(), a.assetId(), a.parameter());
        if (a.open()) {
            PointState ps = points.computeIfAbsent(p, k -> new PointState());
            ps.inAlarm = a.conditionActive();
            ps.openAlarm = a.id();
            ps.pendingSince = null;
        } else {
            PointState ps = points.get(p);
            if (ps != null && a.id().equals(ps.openAlarm)) {
                ps.openAlarm = null;
                ps.inAlarm = false;
            }
        }
    }

    /**
     * Takes in alarm versions read back from {@code alarms.clean} that the store missed (a crash between the Kafka
     * commit and the journal write); older versions than the ones known are ignored.
     */
    public synchronized void catchUp(Collection<Alarm> versions) {
        versions.stream().sorted(Comparator.comparingLong(Alarm::seq)).forEach(a -> {
            Alarm known = alarms.get(a.id());
            if (known == null || known.seq() < a.seq()) {
                put(a);
            }
        });
    }

    private static long number(String id) {
        try {
            return Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return 0;
        }
    }

    /** @return the sequence number of the last change */
    public synchronized long seq() {
        return seq;
    }

    /**
     * A reading of {@code telemetry.clean} (evaluated against the rules) or of {@code alarms.raw} (classification
     * ALARM: value != 0 raises, 0 clears the alarm of {@code raw:<metadata rule>}).
     *
     * @return the alarms it changed
     */
    public synchronized List<Alarm> reading(Measurement m) {
        List<Alarm> changed = new ArrayList<>();
        Instant t = m.timestamps() == null ? clock.instant()
                : m.timestamps().deviceTime() != null ? m.timestamps().deviceTime() : m.timestamps().gatewayTime();
        if (m.classification() == Classification.ALARM) {
            String rule = m.metadata().getOrDefault(META_RULE, "adapter");
            Severity sev = Severity.parse(m.metadata().getOrDefault(META_SEVERITY, ""));
            String reason = m.metadata().get(META_REASON);
            Raise raise = new Raise(RAW_PREFIX + rule, "alarms.raw: value != 0", sev == null ? Severity.HIGH : sev,
                    reason != null ? reason : m.parameter() + " alarm (" + rule + ")", Duration.ZERO, Duration.ZERO);
            evaluate(new Point(raise.rule(), m.assetId(), m.parameter()), raise, m.value() != 0, t, m.value(), changed);
            return changed;
        }
        for (AlarmRule r : rules) {
            if (r.matches(m.assetId(), m.parameter())) {
                Point p = new Point(r.name(), m.assetId(), m.parameter());
                PointState ps = points.get(p);
                boolean cond = r.condition().inAlarm(m.value(), ps != null && ps.inAlarm);
                evaluate(p, new Raise(r.name(), r.condition().describe(), r.severity(), r.text(), r.onDelay(),
                        r.offDelay()), cond, t, m.value(), changed);
            }
        }
        return changed;
    }

    private void evaluate(Point p, Raise raise, boolean cond, Instant t, double value, List<Alarm> changed) {
        PointState ps = points.computeIfAbsent(p, k -> new PointState());
        if (cond == ps.inAlarm) {
            ps.pendingSince = null;
            return;
        }
        if (ps.pendingSince == null) {
            ps.pendingSince = t;
        }
        Duration delay = cond ? raise.onDelay() : raise.offDelay();
        if (Duration.between(ps.pendingSince, t).compareTo(delay) < 0) {
            return;
        }
        ps.inAlarm = cond;
        ps.pendingSince = null;
        String reading = "value " + value;
        Alarm open = ps.openAlarm == null ? null : alarms.get(ps.openAlarm);
        if (cond) {
            if (open != null) { // only a SUPPRESSED alarm stays open with its condition false
                changed.add(store(open.next(++seq,
                        new Transition(open.state(), open.state(), "condition_returned", t, BY_CONDITION, reading),
                        true)));
                return;
            }
            String id = "alm-" + (++lastId);
            Alarm a = new Alarm(++seq, id, p.assetId(), p.parameter(), raise.rule(), raise.condition(),
                    raise.severity(), raise.message(), AlarmState.ACTIVE, true, t, value,
                    List.of(new Transition(null, AlarmState.ACTIVE, "raised", t, BY_CONDITION, reading)));
            ps.openAlarm = id;
            changed.add(store(a));
        } else if (open != null) {
            AlarmState to = open.state() == AlarmState.SUPPRESSED ? AlarmState.SUPPRESSED : AlarmState.CLEARED;
            if (to == AlarmState.CLEARED) {
                ps.openAlarm = null;
            }
            changed.add(store(open.next(++seq,
                    new Transition(open.state(), to, "condition_cleared", t, BY_CONDITION, reading), false)));
        }
    }

    private Alarm store(Alarm a) {
        alarms.put(a.id(), a);
        return a;
    }

    /** ACTIVE → ACKNOWLEDGED. */
    public synchronized Alarm ack(String id, String by, String comment) {
        Alarm a = require(id, by);
        if (a.state() != AlarmState.ACTIVE) {
            throw new IllegalTransition("ack: only an ACTIVE alarm can be acknowledged; " + id + " is " + a.state());
        }
        return operator(a, AlarmState.ACKNOWLEDGED, "ack", by, comment);
    }

    /** ACTIVE or ACKNOWLEDGED → SUPPRESSED: no new alarm on its point until unsuppressed. */
    public synchronized Alarm suppress(String id, String by, String comment) {
        Alarm a = require(id, by);
        if (a.state() != AlarmState.ACTIVE && a.state() != AlarmState.ACKNOWLEDGED) {
            throw new IllegalTransition("suppress: only an ACTIVE or ACKNOWLEDGED alarm can be suppressed; " + id
                    + " is " + a.state());
        }
        return operator(a, AlarmState.SUPPRESSED, "suppress", by, comment);
    }

    /**
     * SUPPRESSED → CLEARED when the condition is false now, else ACKNOWLEDGED when it was acknowledged before,
     * else ACTIVE.
     */
    public synchronized Alarm unsuppress(String id, String by, String comment) {
        Alarm a = require(id, by);
        if (a.state() != AlarmState.SUPPRESSED) {
            throw new IllegalTransition("unsuppress: only a SUPPRESSED alarm can be unsuppressed; " + id + " is "
                    + a.state());
        }
        AlarmState to = !a.conditionActive() ? AlarmState.CLEARED
                : a.lastOf("ack") != null ? AlarmState.ACKNOWLEDGED : AlarmState.ACTIVE;
        if (to == AlarmState.CLEARED) {
            PointState ps = points.get(new Point(a.rule(), a.assetId(), a.parameter()));
            if (ps != null && id.equals(ps.openAlarm)) {
                ps.openAlarm = null;
            }
        }
        return operator(a, to, "unsuppress", by, comment);
    }

    private Alarm require(String id, String by) {
        if (by == null || by.isBlank()) {
            throw new IllegalArgumentException("by: required (the operator's name)");
        }
        Alarm a = alarms.get(id);
        if (a == null) {
            throw new UnknownAlarm(id);
        }
        return a;
    }

    private Alarm operator(Alarm a, AlarmState to, String event, String by, String comment) {
        return store(a.next(++seq, new Transition(a.state(), to, event, clock.instant(), by, comment),
                a.conditionActive()));
    }

    /** @return the alarm, or null */
    public synchronized Alarm get(String id) {
        return alarms.get(id);
    }

    /**
     * @param state    only this state, or null
     * @param severity only this severity, or null
     * @param assetId  only this asset (a {@code *} pattern), or null
     * @return the matching alarms, newest first
     */
    public synchronized List<Alarm> list(AlarmState state, Severity severity, String assetId) {
        List<Alarm> out = new ArrayList<>();
        for (Alarm a : alarms.values()) {
            if ((state == null || a.state() == state) && (severity == null || a.severity() == severity)
                    && (assetId == null || AlarmRule.glob(assetId, a.assetId()))) {
                out.add(a);
            }
        }
        out.sort(Comparator.comparingLong((Alarm a) -> number(a.id())).reversed());
        return out;
    }

    /** @return the number of alarms per severity and state (CLEARED included) */
    public synchronized Map<Severity, Map<AlarmState, Long>> counts() {
        Map<Severity, Map<AlarmState, Long>> out = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            Map<AlarmState, Long> m = new LinkedHashMap<>();
            for (AlarmState st : AlarmState.values()) {
                m.put(st, 0L);
            }
            out.put(s, m);
        }
        alarms.values().forEach(a -> out.get(a.severity()).merge(a.state(), 1L, Long::sum));
        return out;
    }
}
