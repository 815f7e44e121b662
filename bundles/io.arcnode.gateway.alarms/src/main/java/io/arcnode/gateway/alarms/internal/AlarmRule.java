package io.arcnode.gateway.alarms.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * One alarm condition of the rules file: for the readings of the matching assets and parameters ({@code *} matches
 * any run of characters), the {@link Condition} held for {@code onDelay} (device time) raises an alarm of
 * {@code severity}; it returns to normal once the condition has been false for {@code offDelay}.
 *
 * @param name      unique name of the rule (the alarm's {@code rule})
 * @param asset     asset pattern
 * @param parameter parameter pattern
 * @param condition the condition
 * @param severity  severity of the alarms it raises
 * @param message   text for people; {@code null}: the condition's description
 * @param onDelay   how long the condition must hold before the alarm is raised (zero: at once)
 * @param offDelay  how long it must be false before the point returns to normal (zero: at once)
 */
public record AlarmRule(String name, String asset, String parameter, Condition condition, Severity severity,
        String message, Duration onDelay, Duration offDelay) {

    public AlarmRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(severity, "severity");
        asset = asset == null ? "*" : asset;
        parameter = parameter == null ? "*" : parameter;
        onDelay = onDelay == null ? Duration.ZERO : onDelay;
        offDelay = offDelay == null ? Duration.ZERO : offDelay;
    }

    /** @return whether the rule applies to readings of {@code assetId}/{@code param} */
    public boolean matches(String assetId, String param) {
        return glob(asset, assetId) && glob(parameter, param);
    }

    /** @return the message of the alarms it raises */
    public String text() {
        return message != null ? message : condition.describe();
    }

    /** {@code *} matches any run of characters (also none); everything else matches itself. */
    static boolean glob(String pattern, String text) {
        if (text == null) {
            return false;
        }
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (p < pattern.length() && pattern.charAt(p) == text.charAt(t)) {
                p++;
                t++;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
