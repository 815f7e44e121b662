/**
 * The gateway stream-message contract of spec 004 ("Output: Stream Messages", "Data Quality",
 * "Alarm Lifecycle"): {@link io.arcnode.api.telemetry.Measurement} with its
 * {@link io.arcnode.api.telemetry.Timestamps}, the {@link io.arcnode.api.telemetry.Quality},
 * {@link io.arcnode.api.telemetry.Classification} and {@link io.arcnode.api.telemetry.AlarmState}
 * codes, {@link io.arcnode.api.telemetry.UtcMillis} for the millisecond ISO-8601 UTC timestamp format
 * ({@code 2026-01-29T10:00:00.123Z}) and the validating parser
 * {@link io.arcnode.api.telemetry.Measurements}.
 */
package io.arcnode.api.telemetry;
