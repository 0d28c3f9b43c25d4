/**
 * Jira REST adapter (v3 Cloud, v2 Server/DC over Camel HTTP), both directions: poller and webhook reader; requests,
 * paging, JQL building with escaping, ADF and text.
 */
package io.retrobridge.jira;
