package io.arcnode.protocol.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TopicFilterTest {

    @Test
    void singleLevelWildcardMatchesExactlyOneLevel() {
        TopicFilter f = TopicFilter.parse("plant/+/telemetry");
        assertTrue(f.matches("plant/cdu_01/telemetry"));
        assertTrue(f.matches("plant//telemetry"));
        assertFalse(f.matches("plant/cdu_01/x/telemetry"));
        assertFalse(f.matches("plant/telemetry"));
        assertFalse(f.matches("plant/cdu_01/telemetry/x"));
    }

    @Test
    void multiLevelWildcardMatchesParentAndEveryLevelBelow() {
        TopicFilter f = TopicFilter.parse("site/#");
        assertTrue(f.matches("site"));
        assertTrue(f.matches("site/a"));
        assertTrue(f.matches("site/a/b/c"));
        assertFalse(f.matches("other/a"));
        assertTrue(TopicFilter.parse("#").matches("a/b"));
    }

    @Test
    void wildcardsAtTheFirstLevelDoNotMatchDollarTopics() {
        assertFalse(TopicFilter.parse("#").matches("$SYS/broker/load"));
        assertFalse(TopicFilter.parse("+/broker/load").matches("$SYS/broker/load"));
        assertTrue(TopicFilter.parse("$SYS/#").matches("$SYS/broker/load"));
    }

    @Test
    void problemsNameTheRule() {
        assertNull(TopicFilter.problem("a/+/b/#"));
        assertEquals("required", TopicFilter.problem(""));
        assertEquals("'#' must be the whole last level", TopicFilter.problem("a/#/b"));
        assertEquals("'#' must be the whole last level", TopicFilter.problem("a/b#"));
        assertEquals("'+' must be a whole level", TopicFilter.problem("a/b+/c"));
    }

    @Test
    void sampleTopicsMatchTheirFilterAndCarryTheAsset() {
        TopicFilter f = TopicFilter.parse("plant/+/+/telemetry");
        String t = f.sampleTopic(2, "cdu_01", "sim");
        assertEquals("plant/sim/cdu_01/telemetry", t);
        assertTrue(f.matches(t));
        TopicFilter multi = TopicFilter.parse("site/#");
        assertEquals("site/sim/sim/pump_7", multi.sampleTopic(3, "pump_7", "sim"));
        assertEquals("site/sim", multi.sampleTopic(-1, "x", "sim"));
        assertTrue(multi.isWildcardLevel(5));
        assertFalse(multi.isWildcardLevel(0));
        assertEquals("cdu_01", TopicFilter.level(t, 2));
        assertNull(TopicFilter.level(t, 4));
    }
}
