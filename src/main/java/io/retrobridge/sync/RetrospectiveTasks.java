package io.retrobridge.sync;

import io.retrobridge.domain.Retrospective;
import java.util.Set;

/** The action items under a retrospective, read where they live (a remote call). */
public interface RetrospectiveTasks {

    /**
     * The ServiceNow sys_ids of the action items (tasks in the action-item mapping's table and scope) under the
     * retrospective's ServiceNow record; empty when it has no such record yet.
     */
    Set<String> taskSysIds(Retrospective retrospective);
}
