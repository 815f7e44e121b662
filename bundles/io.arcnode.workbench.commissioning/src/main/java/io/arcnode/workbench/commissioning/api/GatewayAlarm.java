package io.arcnode.workbench.commissioning.api;

/**
 * One alarm of the gateway ({@code GET /api/v1/alarms}; the alarms bundle's README has the lifecycle).
 *
 * @param id             {@code alm-<n>}
 * @param state          {@code ACTIVE}, {@code ACKNOWLEDGED}, {@code SUPPRESSED} or {@code CLEARED}
 * @param severity       {@code CRITICAL}, {@code HIGH}, {@code MEDIUM} or {@code LOW}
 * @param assetId        the asset
 * @param parameter      the parameter
 * @param message        the text for people
 * @param value          the value that raised it
 * @param raisedAt       when it was raised (ISO-8601)
 * @param acknowledgedBy who acknowledged it, "" when nobody did
 */
public record GatewayAlarm(String id, String state, String severity, String assetId, String parameter,
                           String message, double value, String raisedAt, String acknowledgedBy) {

    /** @return whether an operator may acknowledge it now (only an ACTIVE alarm) */
    public boolean acknowledgeable() {
        return "ACTIVE".equals(state);
    }

    /** @return whether an operator may suppress it now (ACTIVE or ACKNOWLEDGED) */
    public boolean suppressible() {
        return "ACTIVE".equals(state) || "ACKNOWLEDGED".equals(state);
    }
}
