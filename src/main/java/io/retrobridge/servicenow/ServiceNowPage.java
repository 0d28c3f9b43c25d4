package io.retrobridge.servicenow;

import java.util.List;

/**
 * One page of a poll.
 *
 * @param records    the records of this page, in the order asked for
 * @param nextOffset the {@code offset} that reads the page after this one
 * @param hasMore    whether ServiceNow said there is a page after this one
 */
public record ServiceNowPage(List<ServiceNowRecord> records, int nextOffset, boolean hasMore) {

    public ServiceNowPage {
        records = List.copyOf(records);
    }
}
