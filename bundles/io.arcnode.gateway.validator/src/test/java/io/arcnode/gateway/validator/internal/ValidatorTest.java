package io.arcnode.gateway.validator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.arcnode.api.telemetry.Classification;
import io.arcnode.api.telemetry.Measurement;
import io.arcnode.api.telemetry.Quality;
import io.arcnode.api.telemetry.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidatorTest {

    private static final Instant T0 = Instant.parse("2026-01-29T10:00:00Z");

    private static Measurement m(String asset, String parameter, double value, Instant deviceTime, Instant gatewayTime,
            Quality quality) {
        return new Measurement(asset, parameter, value, "celsius", quality, Classification.TELEMETRY,
                new Timestamps(deviceTime, gatewayTime), Map.of("adapter_id", "adapter_1"));
    }

    private static Measurement at(double value, long secondsAfterT0) {
        Instant t = T0.plusSeconds(secondsAfterT0);
        return m("cdu_01", "supply_temp", value, t, t.plusMillis(200), Quality.GOOD);
    }

    private static List<String> rules(Verdict v) {
        return v.findings().stream().map(Verdict.Finding::rule).toList();
    }

    private final Validator validator = new Validator(List.of(
            new Rule("*", "supply_temp", 0.0, 90.0, 5.0, Duration.ofSeconds(10), null),
            new Rule("cdu_01", "*", null, null, null, null, Duration.ofSeconds(30))));

    @Test
    void aPlausibleReadingIsGoodAndUnchanged() {
        Measurement in = at(40, 0);
        Verdict v = validator.validate(in);
        assertEquals(Quality.GOOD, v.quality());
        assertEquals(List.of(), v.findings());
        assertEquals(in, v.measurement());
    }

    @Test
    void outOfRangeAndNonFiniteAreBadWithTheReason() {
        Verdict high = validator.validate(at(95.5, 0));
        assertEquals(Quality.BAD, high.quality());
        assertTrue(high.bad());
        assertEquals(List.of("range"), rules(high));
        assertEquals("value 95.5 outside 0.0..90.0", high.findings().get(0).reason());
        assertEquals(Quality.BAD, high.measurement().quality());
        Verdict nan = validator.validate(at(Double.NaN, 1));
        assertEquals(List.of("finite"), rules(nan));
        assertEquals(Quality.BAD, nan.quality());
    }

    @Test
    void theSameDeviceTimeTwiceIsADuplicate() {
        assertEquals(Quality.GOOD, validator.validate(at(40, 0)).quality());
        Verdict again = validator.validate(at(40, 0));
        assertEquals(Quality.BAD, again.quality());
        assertEquals(List.of("duplicate"), rules(again));
        assertTrue(again.findings().get(0).reason().contains("cdu_01/supply_temp at 2026-01-29T10:00:00Z"));
    }

    @Test
    void aSpikeIsSuspectAndABadReadingDoesNotBecomeThePrevious() {
        validator.validate(at(40, 0));
        Verdict spike = validator.validate(at(60, 2)); // 10/s against 5/s
        assertEquals(Quality.SUSPECT, spike.quality());
        assertEquals(List.of("rate_of_change"), rules(spike));
        validator.validate(at(200, 3)); // BAD: out of range, not remembered
        Verdict next = validator.validate(at(61, 4)); // 0.5/s from the spike at 60
        assertEquals(Quality.GOOD, next.quality(), next.findings().toString());
    }

    @Test
    void aSilenceLongerThanExpectedIsAGapFindingButTheReadingKeepsItsQuality() {
        validator.validate(at(40, 0));
        Verdict late = validator.validate(at(41, 25));
        assertEquals(List.of("gap"), rules(late));
        assertEquals(Quality.GOOD, late.quality());
        assertTrue(late.findings().get(0).reason().contains("for 25000 ms"), late.findings().toString());
    }

    @Test
    void clockSkewUsesTheMostSpecificRuleAndTheTenSecondDefault() {
        Instant t = T0;
        // cdu_01/* allows 30 s, but */supply_temp is more specific and keeps the 10 s default
        Verdict skewed = validator.validate(m("cdu_01", "supply_temp", 40, t, t.plusSeconds(12), Quality.GOOD));
        assertEquals(List.of("clock_skew"), rules(skewed));
        assertEquals(Quality.SUSPECT, skewed.quality());
        Verdict tolerated = validator.validate(m("cdu_01", "flow", 40, t, t.plusSeconds(12), Quality.GOOD));
        assertEquals(Quality.GOOD, tolerated.quality());
        Verdict unknown = validator.validate(m("pump_9", "speed", 40, t, t.plusSeconds(11), Quality.GOOD));
        assertEquals(Quality.SUSPECT, unknown.quality(), "no rule: the spec's 10 s");
    }

    @Test
    void withoutDeviceTimeTheReadingIsUncertainAndTimeChecksAreSkipped() {
        Verdict v = validator.validate(m("cdu_01", "supply_temp", 40, null, T0, Quality.UNCERTAIN));
        assertEquals(Quality.UNCERTAIN, v.quality());
        assertEquals(List.of("no_device_time"), rules(v));
        Verdict again = validator.validate(m("cdu_01", "supply_temp", 40, null, T0, Quality.UNCERTAIN));
        assertEquals(List.of("no_device_time"), rules(again), "no duplicate without device time");
    }

    @Test
    void theIncomingQualityIsAFloorAndTheWorstWins() {
        assertEquals(Quality.BAD, validator.validate(m("a", "p", 1, T0, T0, Quality.BAD)).quality());
        assertEquals(Quality.BAD, Validator.worst(Quality.SUSPECT, Quality.BAD));
        assertEquals(Quality.SUSPECT, Validator.worst(Quality.SUSPECT, Quality.UNCERTAIN));
        assertEquals(Quality.UNCERTAIN, Validator.worst(Quality.GOOD, Quality.UNCERTAIN));
    }

    @Test
    void ruleSelectionPrefersExactThenParameterThenAsset() {
        Rule exact = new Rule("cdu_01", "supply_temp", 1.0, null, null, null, null);
        Rule byParameter = new Rule("*", "supply_temp", 2.0, null, null, null, null);
        Rule byAsset = new Rule("cdu_01", "*", 3.0, null, null, null, null);
        Rule any = new Rule("*", "*", 4.0, null, null, null, null);
        Validator v = new Validator(List.of(any, byAsset, byParameter, exact));
        assertEquals(exact, v.ruleFor("cdu_01", "supply_temp"));
        assertEquals(byParameter, v.ruleFor("cdu_02", "supply_temp"));
        assertEquals(byAsset, v.ruleFor("cdu_01", "flow"));
        assertEquals(any, v.ruleFor("x", "y"));
        assertEquals(Rule.defaults(), new Validator(List.of()).ruleFor("x", "y"));
    }

    @Test
    void aloneChecksOneReadingWithoutHistoryAndRemembersNothing() {
        Verdict first = validator.validateAlone(at(40, 0));
        assertEquals(Quality.GOOD, first.quality());
        // same device time again: no duplicate, and a jump: no rate of change, a long silence: no gap
        Verdict again = validator.validateAlone(at(80, 0));
        assertEquals(List.of(), again.findings());
        assertEquals(List.of("range"), rules(validator.validateAlone(at(95, 100))));
        // validate() afterwards has no history from them either
        assertEquals(List.of(), validator.validate(at(85, 0)).findings());
    }
}
