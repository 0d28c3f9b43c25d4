/**
 * ServiceNow Table API adapter, both directions: poller and webhook reader for the business rule; encoded queries
 * with escaping, paging, display values.
 */
package io.retrobridge.servicenow;
