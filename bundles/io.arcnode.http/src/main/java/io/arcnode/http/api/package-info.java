/**
 * What other bundles use of the HTTP stack: the one JSON error body format
 * ({@code {"error": "...", "detail": ...}}) and the whiteboard constants ArcNode servlets register with.
 */
package io.arcnode.http.api;
