/**
 * The installation graph of the EDP (spec 002 artifact 9):
 * {@link io.arcnode.edp.installationgraph.api.InstallationGraph}, drawn on the sheet model of
 * {@code io.arcnode.edp.drawing.api} to {@code installation_graph.dxf} and {@code .pdf}.
 */
package io.arcnode.edp.installationgraph.api;
