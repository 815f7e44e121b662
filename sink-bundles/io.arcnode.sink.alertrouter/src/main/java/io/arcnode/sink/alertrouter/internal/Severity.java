package io.arcnode.sink.alertrouter.internal;

/** The alarm severities of spec 004 (the alarms bundle's {@code severity}). */
enum Severity { CRITICAL, HIGH, MEDIUM, LOW }
