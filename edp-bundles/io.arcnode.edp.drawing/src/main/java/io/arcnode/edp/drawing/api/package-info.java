/**
 * Drawings of the EDP: a small AutoCAD R12 DXF writer ({@link io.arcnode.edp.drawing.api.Dxf}), one sheet
 * model ({@link io.arcnode.edp.drawing.api.Sheet}) rendered to both DXF and PDF
 * ({@link io.arcnode.edp.drawing.api.Pdf}), and the drawing generators: single-line diagram
 * ({@link io.arcnode.edp.drawing.api.SingleLineDiagram}), P&amp;ID of the cooling system
 * ({@link io.arcnode.edp.drawing.api.PidCooling}), communication network diagram
 * ({@link io.arcnode.edp.drawing.api.CommsDiagram}) and installation graph
 * ({@link io.arcnode.edp.drawing.api.InstallationGraph}).
 */
package io.arcnode.edp.drawing.api;
