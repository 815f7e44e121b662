/**
 * Spec 002's BOM generator (artifact 1, {@code bom.json} + {@code bom.xlsx}) and the cable and hose schedule
 * (artifact 8, {@code cable_hose_schedule.json} + {@code .xlsx}): {@link io.arcnode.edp.bom.api.BomGenerator} and
 * {@link io.arcnode.edp.bom.api.CableHoseScheduleGenerator}. Package version 1.0.0 (in the bundle manifest).
 */
package io.arcnode.edp.bom.api;
