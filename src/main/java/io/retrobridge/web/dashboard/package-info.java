/**
 * The dashboard at {@code /dashboard}: a page of charts over the report endpoints, and its sign-in with an API key
 * kept in a session cookie. The page and its script are static resources under {@code static/dashboard}.
 */
package io.retrobridge.web.dashboard;
