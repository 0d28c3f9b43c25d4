/**
 * The OpenAPI description of RetroBridge's own API ({@code /v3/api-docs}) and its Swagger UI, both for admins;
 * each operation states the role it needs, read from {@link io.retrobridge.web.security.ApiAccessPolicy}.
 */
package io.retrobridge.web.apidocs;
