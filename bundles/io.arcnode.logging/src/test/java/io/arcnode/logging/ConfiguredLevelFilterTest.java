package io.arcnode.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.core.spi.FilterReply;

class ConfiguredLevelFilterTest {

    private final ConfiguredLevelFilter filter = new ConfiguredLevelFilter();

    @AfterEach
    void clear() {
        System.clearProperty(ConfiguredLevelFilter.PROPERTY);
    }

    @Test
    void dropsEventsBelowTheConfiguredLevel() {
        System.setProperty(ConfiguredLevelFilter.PROPERTY, "WARN");
        assertEquals(FilterReply.DENY, filter.decide(null, null, Level.INFO, "x", null, null));
        assertEquals(FilterReply.NEUTRAL, filter.decide(null, null, Level.WARN, "x", null, null));
        assertEquals(FilterReply.NEUTRAL, filter.decide(null, null, Level.ERROR, "x", null, null));
    }

    @Test
    void debugConfiguredLetsDebugThrough() {
        System.setProperty(ConfiguredLevelFilter.PROPERTY, "DEBUG");
        assertEquals(FilterReply.NEUTRAL, filter.decide(null, null, Level.DEBUG, "x", null, null));
        assertEquals(FilterReply.DENY, filter.decide(null, null, Level.TRACE, "x", null, null));
    }

    @Test
    void unsetOrUnknownMeansInfo() {
        assertEquals(Level.INFO, ConfiguredLevelFilter.threshold(null));
        assertEquals(Level.INFO, ConfiguredLevelFilter.threshold("LOUD"));
        assertEquals(FilterReply.DENY, filter.decide(null, null, Level.DEBUG, "x", null, null));
    }
}
