package io.retrobridge.servicenow;

import io.retrobridge.domain.Retrospective;
import io.retrobridge.mapping.ActionItemMapping;
import io.retrobridge.mapping.CurrentMappings;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The action items under a retrospective's ServiceNow record: the tasks in the action-item mapping's table and
 * scope whose {@code problem} is that record, read page by page by sys_id. Each page starts after the last sys_id
 * read rather than at an offset, so a task added or closed while the pages are read shifts nothing.
 */
final class RetrospectiveTaskPages {

    /** The field a task names its problem by. */
    static final String PARENT_FIELD = "problem";

    private final ServiceNowClient servicenow;
    private final CurrentMappings mappings;
    private final int pageSize;

    RetrospectiveTaskPages(ServiceNowClient servicenow, CurrentMappings mappings, int pageSize) {
        if (pageSize < 1 || pageSize > ServiceNowClient.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be between 1 and " + ServiceNowClient.MAX_PAGE_SIZE
                    + ", was " + pageSize);
        }
        this.servicenow = servicenow;
        this.mappings = mappings;
        this.pageSize = pageSize;
    }

    /** Hands each task under the retrospective's record to {@code each}; none when it has no record yet. */
    void forEach(Retrospective retrospective, Collection<String> fields, Consumer<ServiceNowRecord> each) {
        if (retrospective.serviceNowSysId() == null) {
            return;
        }
        ActionItemMapping mapping = mappings.actionItems();
        String parent = TableApiNames.sysId(retrospective.serviceNowSysId());
        String afterSysId = null;
        while (true) {
            EncodedQuery query = EncodedQuery.query().fragment(mapping.serviceNowScope().query())
                    .eq(PARENT_FIELD, parent);
            if (afterSysId != null) {
                query.greaterThan("sys_id", afterSysId);
            }
            List<ServiceNowRecord> page = servicenow.matching(mapping.serviceNowScope().table(),
                    query.orderBy("sys_id"), fields, pageSize);
            page.forEach(each);
            if (page.size() < pageSize) {
                return;
            }
            afterSysId = page.get(page.size() - 1).sysId();
        }
    }
}
