/**
 * Webhook intake: signed deliveries from Jira and from our ServiceNow business rule, checked over the raw
 * body and stored durably in the event inbox before they are acknowledged.
 */
package io.retrobridge.web.webhooks;
