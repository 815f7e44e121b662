package io.arcnode.gateway.validator.internal;

import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns the {@code gap} and {@code clock_skew} findings into alarm measurements for {@code alarms.raw}, once per
 * asset/parameter/rule until it recovers: the first reading with the finding raises the alarm, the following ones
 * with the same finding raise nothing, and the first reading of that asset/parameter with a device time and without
 * the finding clears it (a second alarm measurement, value 0) and re-arms it. So a device whose clock is off raises
 * one alarm, not one per reading. The alarm measurement's value is 1 (raised) or 0 (cleared), the convention of
 * {@code io.arcnode.gateway.alarms} for {@code alarms.raw}; the reading's own value is in metadata
 * {@value #READING_VALUE_KEY}. State is in memory
 * (starts empty after a restart: a condition still present then alarms once more). Not thread-safe (the stage's
 * thread).
 */
public final class AlertGate {

    /** The findings that raise an alarm. */
    public static final Set<String> ALERT_RULES = Set.of("gap", "clock_skew");
    /** Metadata keys of the alarm measurement. */
    public static final String RULE_KEY = "rule";
    public static final String REASON_KEY = "reason";
    public static final String SOURCE_KEY = "alarm_source";
    public static final String READING_VALUE_KEY = "reading_value";

    private final Set<String> active = new HashSet<>();

    /**
     * @param verdict the validator's verdict on one reading
     * @return the alarms it raises (none, or one per newly fired alert rule) or clears (one per recovered rule)
     */
    public List<Measurement> alarms(Verdict verdict) {
        Measurement m = verdict.measurement();
        String series = m.assetId() + "/" + m.parameter() + "/";
        List<Measurement> out = new ArrayList<>();
        Set<String> fired = new HashSet<>();
        for (Verdict.Finding f : verdict.findings()) {
            if (ALERT_RULES.contains(f.rule()) && fired.add(f.rule()) && active.add(series + f.rule())) {
                out.add(alarm(m, f.rule(), f.reason(), 1.0));
            }
        }
        if (m.timestamps().deviceTime() != null) {
            for (String rule : ALERT_RULES) {
                if (!fired.contains(rule) && active.remove(series + rule)) {
                    out.add(alarm(m, rule, "recovered", 0.0));
                }
            }
        }
        return out;
    }

    private static Measurement alarm(Measurement m, String rule, String reason, double raised) {
        Map<String, String> meta = new TreeMap<>(m.metadata());
        meta.put(RULE_KEY, rule);
        meta.put(REASON_KEY, reason);
        meta.put(SOURCE_KEY, "validator");
        meta.put(READING_VALUE_KEY, String.valueOf(m.value()));
        return new Measurement(m.assetId(), m.parameter(), raised, m.unit(), m.quality(), Classification.ALARM,
                m.timestamps(), meta);
    }
}
