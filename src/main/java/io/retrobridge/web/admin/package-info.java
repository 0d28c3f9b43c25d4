/**
 * Admin endpoints under {@code /api/admin/**} (admin role only).
 */
package io.retrobridge.web.admin;
