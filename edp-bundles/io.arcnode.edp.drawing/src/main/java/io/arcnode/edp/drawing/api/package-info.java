/**
 * Drawings of the EDP: a small AutoCAD R12 DXF writer ({@link io.arcnode.edp.drawing.api.Dxf}), one sheet
 * model ({@link io.arcnode.edp.drawing.api.Sheet}) rendered to both DXF and PDF
 * ({@link io.arcnode.edp.drawing.api.Pdf}), and the drawing generators: single-line diagram
 * ({@link io.arcnode.edp.drawing.api.SingleLineDiagram}), P&amp;ID of the cooling system
 * ({@link io.arcnode.edp.drawing.api.PidCooling}) and communication network diagram
 * ({@link io.arcnode.edp.drawing.api.CommsDiagram}); plus the rules other drawing bundles (the installation
 * graph) share: {@link io.arcnode.edp.drawing.api.DrawingNumbers}, {@link io.arcnode.edp.drawing.api.DrawingInputs},
 * {@link io.arcnode.edp.drawing.api.Quantities}, {@link io.arcnode.edp.drawing.api.PidCooling#heatRejection}.
 */
package io.arcnode.edp.drawing.api;
