package io.retrobridge.sync;

import io.retrobridge.domain.Retrospective;
import java.util.Optional;
import java.util.Set;

/** The action items under a retrospective, read where they live (a remote call). */
public interface RetrospectiveTasks {

    /**
     * The ServiceNow sys_ids of the action items (tasks in the action-item mapping's table and scope) under the
     * retrospective's ServiceNow record; empty when it has no such record yet.
     */
    Set<String> taskSysIds(Retrospective retrospective);

    /**
     * The sys_id of the record a task is under (its problem), read by the task's own sys_id; empty when ServiceNow
     * does not show the task, which is how it answers for a deleted task and for one an ACL hides from us alike.
     * A list leaves such tasks out without a word, so a task missing from {@link #taskSysIds} is asked after here.
     */
    Optional<String> parentOf(String taskSysId);
}
