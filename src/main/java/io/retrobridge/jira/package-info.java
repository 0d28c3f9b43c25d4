/**
 * Jira REST adapter (v3 Cloud, v2 Server/DC over Camel HTTP): requests, paging, JQL building with escaping, ADF and text, webhooks.
 */
package io.retrobridge.jira;
