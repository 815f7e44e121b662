/**
 * The sink runtime every sink bundle uses (spec 004 "Failure Modes": a sink is a consumer group that commits its
 * offsets only after the downstream write succeeded). A sink supplies a {@link io.arcnode.sink.api.SinkWriter}
 * (its downstream) and a decoder; {@link io.arcnode.sink.api.SinkLoop} consumes, writes, commits, rewinds on
 * failure through a {@link io.arcnode.sink.api.CircuitBreaker}, sends poison records to
 * {@link io.arcnode.sink.api.DeadLetters}, and reports lag, health and Prometheus metrics;
 * {@link io.arcnode.sink.api.SinkRunner} restarts a loop that ended with an error.
 */
package io.arcnode.sink.api;
