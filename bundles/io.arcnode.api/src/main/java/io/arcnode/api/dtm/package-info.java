/**
 * The Device Topology Manifest (DTM) contract of spec 002: {@link io.arcnode.api.dtm.Dtm} with its
 * {@link io.arcnode.api.dtm.SizingParams}, {@link io.arcnode.api.dtm.Module}s and
 * {@link io.arcnode.api.dtm.Device}s, the {@link io.arcnode.api.dtm.ProtocolConfig} discriminated
 * union (on the {@code protocol} field) with its five protocol records and their point/OID/PDO/resource
 * maps, and {@link io.arcnode.api.dtm.Dtms}, the validating parser that also enforces the device to
 * module foreign key. The DTM is self-describing in SIM and LIVE mode: consumers read
 * {@code (host, port)} and poll.
 */
package io.arcnode.api.dtm;
