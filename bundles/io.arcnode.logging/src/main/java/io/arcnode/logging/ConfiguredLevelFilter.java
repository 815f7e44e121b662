package io.arcnode.logging;

import org.slf4j.Marker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Objects;

/**
 * Drops events below the level named by the system property {@code arcnode.log.level}, read per event, so the
 * configured {@code logging.level} applies from the moment {@code io.arcnode.config} has loaded it. Events at or
 * above it go on to the loggers' own levels (Jetty and Kafka stay at WARN).
 */
public final class ConfiguredLevelFilter extends TurboFilter {

    static final String PROPERTY = "arcnode.log.level";

    /** The property value last seen and its level: kafka-clients asks "trace enabled?" once per record. */
    private record Parsed(String raw, Level level) {
    }

    private volatile Parsed parsed = new Parsed(null, Level.INFO);

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable t) {
        if (level == null) {
            return FilterReply.NEUTRAL; // a "is X enabled" question without a level: let the logger answer
        }
        String raw = System.getProperty(PROPERTY);
        Parsed p = parsed;
        if (!Objects.equals(raw, p.raw())) {
            p = new Parsed(raw, threshold(raw));
            parsed = p;
        }
        return level.isGreaterOrEqual(p.level()) ? FilterReply.NEUTRAL : FilterReply.DENY;
    }

    /** INFO when the property is unset or not a level name. */
    static Level threshold(String configured) {
        return Level.toLevel(configured, Level.INFO);
    }
}
