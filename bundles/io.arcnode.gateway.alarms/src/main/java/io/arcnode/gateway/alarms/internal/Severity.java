package io.arcnode.gateway.alarms.internal;

/** Severity of an alarm; the alert router (spec 004 "Alert Routing") routes on it. Most severe first. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW;

    /** @return the severity named {@code text} (exact, upper case), or null when it names none */
    static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.name().equals(text)) {
                return s;
            }
        }
        return null;
    }
}
