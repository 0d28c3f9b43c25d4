/**
 * REST API, dashboard, admin endpoints and API-key security.
 */
package io.retrobridge.web;
