/**
 * ServiceNow Table API adapter: encoded queries with escaping, paging, display values.
 */
package io.retrobridge.servicenow;
