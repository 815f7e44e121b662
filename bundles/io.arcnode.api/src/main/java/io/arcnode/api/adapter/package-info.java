/**
 * The protocol adapter contract of spec 004 ("Protocol Adapter System"): one
 * {@link io.arcnode.api.adapter.Adapter} per source connection with many mapped points, created by an
 * {@link io.arcnode.api.adapter.AdapterFactory} of its protocol from a DTM device, or by a
 * {@link io.arcnode.api.adapter.ConfiguredAdapterFactory} from an entry of the gateway configuration
 * ({@link io.arcnode.api.adapter.AdapterConfig}); both factories can start their protocol's simulator; it hands normalised
 * {@link io.arcnode.api.telemetry.Measurement}s built by a {@link io.arcnode.api.adapter.Normalizer}
 * (gateway time from an injected clock, {@code UNCERTAIN} without device time) to a
 * {@link io.arcnode.api.adapter.MeasurementSink} and reports an {@link io.arcnode.api.adapter.AdapterHealth}.
 */
package io.arcnode.api.adapter;
