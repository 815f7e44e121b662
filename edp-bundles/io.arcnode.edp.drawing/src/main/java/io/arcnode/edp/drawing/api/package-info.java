/**
 * Drawings of the EDP: a small AutoCAD R12 DXF writer ({@link io.arcnode.edp.drawing.api.Dxf}), one sheet
 * model ({@link io.arcnode.edp.drawing.api.Sheet}) rendered to both DXF and PDF
 * ({@link io.arcnode.edp.drawing.api.Pdf}), and the single-line diagram generator
 * ({@link io.arcnode.edp.drawing.api.SingleLineDiagram}).
 */
package io.arcnode.edp.drawing.api;
