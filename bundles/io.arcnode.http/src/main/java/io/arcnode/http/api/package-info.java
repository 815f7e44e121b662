/**
 * What other bundles use of the HTTP stack: the one JSON error body format
 * ({@code {"error": "...", "detail": ...}}) and {@link io.arcnode.http.api.ServiceRegistrations} for the servlets
 * and health contributors a component registers (package version 1.1.0).
 */
package io.arcnode.http.api;
