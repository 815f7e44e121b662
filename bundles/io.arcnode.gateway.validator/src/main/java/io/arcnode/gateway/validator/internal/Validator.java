package io.arcnode.gateway.validator.internal;

import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The data quality checks of spec 004, plain Java: per {@code asset_id/parameter} the most specific {@link Rule}
 * applies (exact asset and parameter, then parameter, then asset, then {@code *}/{@code *}, then
 * {@link Rule#defaults()}). Checks, in order:
 * <ul>
 * <li>{@code finite}: NaN or infinite value: BAD;</li>
 * <li>{@code range}: outside {@code min..max}: BAD;</li>
 * <li>{@code duplicate}: same asset, parameter and device time as one of the last {@link #DUPLICATE_WINDOW}
 * readings of that pair: BAD (it goes to the DLQ with the reason, nothing is dropped silently);</li>
 * <li>{@code rate_of_change}: |change| / seconds of device time since the previous reading above the limit:
 * SUSPECT;</li>
 * <li>{@code clock_skew}: |device_time - gateway_time| above the limit (10 s by default): SUSPECT;</li>
 * <li>{@code gap}: more than {@code expected_interval} of device time since the previous reading: a finding
 * (the reading itself stays as it is; the gap is what the operator is told about);</li>
 * <li>{@code no_device_time}: the adapter gave no device time: UNCERTAIN (as the adapter marked it), and the
 * device-time checks (duplicate, rate, skew, gap) are skipped.</li>
 * </ul>
 * The worst quality wins (BAD over SUSPECT over UNCERTAIN over GOOD); the incoming quality is a floor, so a reading
 * the adapter marked BAD stays BAD. A BAD reading does not become the "previous reading" of rate and gap checks.
 * Not thread-safe: one validator per stream partition (the consumer's thread).
 */
public final class Validator {

    /** Device times remembered per asset/parameter for duplicate detection. */
    static final int DUPLICATE_WINDOW = 64;

    private static final Comparator<Rule> MOST_SPECIFIC = Comparator.comparingInt(Rule::specificity).reversed();

    private final List<Rule> rules;
    private final Map<String, Series> series = new HashMap<>();

    /** The recent history of one asset/parameter. */
    private static final class Series {
        final Deque<Instant> recent = new ArrayDeque<>();
        /** The latest device time ever remembered: a later one cannot be among {@link #recent}. */
        Instant newest;
        Instant lastTime;
        double lastValue;
    }

    /** @param rules the configured rules, in any order */
    public Validator(List<Rule> rules) {
        List<Rule> sorted = new ArrayList<>(rules);
        sorted.sort(MOST_SPECIFIC);
        this.rules = List.copyOf(sorted);
    }

    /** @return the rule that applies to {@code asset}/{@code parameter} */
    public Rule ruleFor(String asset, String parameter) {
        for (Rule r : rules) {
            if (r.selects(asset, parameter)) {
                return r;
            }
        }
        return Rule.defaults();
    }

    /** @return the verdict on {@code m}; remembers it for the checks of the next readings of its asset/parameter */
    public Verdict validate(Measurement m) {
        return check(m, true);
    }

    /**
     * @return the verdict on {@code m} by the checks of one reading alone (finite, range, clock skew, no device
     *         time), without the history checks (duplicate, rate of change, gap) and without remembering it: how a
     *         DLQ record is judged again after a rule change
     */
    public Verdict validateAlone(Measurement m) {
        return check(m, false);
    }

    private Verdict check(Measurement m, boolean history) {
        Rule rule = ruleFor(m.assetId(), m.parameter());
        List<Verdict.Finding> findings = new ArrayList<>();
        Quality quality = m.quality();
        double v = m.value();
        if (!Double.isFinite(v)) {
            findings.add(new Verdict.Finding("finite", "value is " + v));
            quality = worst(quality, Quality.BAD);
        } else if (rule.min() != null && v < rule.min() || rule.max() != null && v > rule.max()) {
            findings.add(new Verdict.Finding("range", "value " + v + " outside " + bound(rule.min()) + ".."
                    + bound(rule.max())));
            quality = worst(quality, Quality.BAD);
        }
        Instant t = m.timestamps().deviceTime();
        String key = m.assetId() + "/" + m.parameter();
        Series s = history ? series.computeIfAbsent(key, k -> new Series()) : new Series();
        if (t == null) {
            findings.add(new Verdict.Finding("no_device_time", "the adapter gave no device time"));
            quality = worst(quality, Quality.UNCERTAIN);
        } else {
            if (s.newest != null && !t.isAfter(s.newest) && s.recent.contains(t)) {
                findings.add(new Verdict.Finding("duplicate", "a reading of " + key + " at " + t + " was seen before"));
                quality = worst(quality, Quality.BAD);
            }
            Duration skew = Duration.between(m.timestamps().gatewayTime(), t).abs();
            if (skew.compareTo(rule.maxClockSkew()) > 0) {
                findings.add(new Verdict.Finding("clock_skew", "device time " + t + " is " + skew.toMillis()
                        + " ms from gateway time " + m.timestamps().gatewayTime() + " (limit "
                        + rule.maxClockSkew().toMillis() + " ms)"));
                quality = worst(quality, Quality.SUSPECT);
            }
            if (s.lastTime != null && t.isAfter(s.lastTime) && quality != Quality.BAD) {
                double seconds = Duration.between(s.lastTime, t).toNanos() / 1e9;
                double rate = Math.abs(v - s.lastValue) / seconds;
                if (rule.maxRatePerSecond() != null && rate > rule.maxRatePerSecond()) {
                    findings.add(new Verdict.Finding("rate_of_change", String.format(Locale.ROOT,
                            "changed by %s in %.3f s (%.3f/s, limit %s/s)", v - s.lastValue, seconds, rate,
                            rule.maxRatePerSecond())));
                    quality = worst(quality, Quality.SUSPECT);
                }
                Duration silence = Duration.between(s.lastTime, t);
                if (rule.expectedInterval() != null && silence.compareTo(rule.expectedInterval()) > 0) {
                    findings.add(new Verdict.Finding("gap", "no reading of " + key + " for " + silence.toMillis()
                            + " ms before " + t + " (expected every " + rule.expectedInterval().toMillis() + " ms)"));
                }
            }
            if (quality != Quality.BAD && history) {
                remember(s, t);
                if (s.lastTime == null || t.isAfter(s.lastTime)) {
                    s.lastTime = t;
                    s.lastValue = v;
                }
            }
        }
        Measurement out = quality == m.quality() ? m : new Measurement(m.assetId(), m.parameter(), m.value(),
                m.unit(), quality, m.classification(), m.timestamps(), m.metadata());
        return new Verdict(out, quality, findings);
    }

    private static void remember(Series s, Instant t) {
        s.recent.addLast(t);
        if (s.newest == null || t.isAfter(s.newest)) {
            s.newest = t;
        }
        if (s.recent.size() > DUPLICATE_WINDOW) {
            s.recent.removeFirst();
        }
    }

    private static String bound(Double d) {
        return d == null ? "" : String.valueOf(d);
    }

    /** @return the worse of two qualities: BAD, SUSPECT, UNCERTAIN, GOOD */
    static Quality worst(Quality a, Quality b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(Quality q) {
        return switch (q) {
            case GOOD -> 0;
            case UNCERTAIN -> 1;
            case SUSPECT -> 2;
            case BAD -> 3;
        };
    }
}
