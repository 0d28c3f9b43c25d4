package io.retrobridge.servicenow;

import io.retrobridge.domain.Retrospective;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.sync.RetrospectiveTasks;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The action items under a retrospective as ServiceNow holds them: the sys_ids of the tasks (the action-item
 * mapping's table and scope, problem tasks of type general in the shipped mapping) under its problem.
 */
@Component
class ServiceNowRetrospectiveTasks implements RetrospectiveTasks {

    /** Tasks per request: one page holds every task of an ordinary retrospective. */
    static final int PAGE_SIZE = 1000;

    private final RetrospectiveTaskPages tasks;
    private final ServiceNowClient servicenow;
    private final CurrentMappings mappings;

    @Autowired
    ServiceNowRetrospectiveTasks(ServiceNowClient servicenow, CurrentMappings mappings) {
        this(servicenow, mappings, PAGE_SIZE);
    }

    ServiceNowRetrospectiveTasks(ServiceNowClient servicenow, CurrentMappings mappings, int pageSize) {
        this.tasks = new RetrospectiveTaskPages(servicenow, mappings, pageSize);
        this.servicenow = servicenow;
        this.mappings = mappings;
    }

    @Override
    public Set<String> taskSysIds(Retrospective retrospective) {
        Set<String> sysIds = new TreeSet<>();
        tasks.forEach(retrospective, List.of(), task -> sysIds.add(task.sysId()));
        return sysIds;
    }

    @Override
    public Optional<String> parentOf(String taskSysId) {
        return servicenow.find(mappings.actionItems().serviceNowScope().table(), TableApiNames.sysId(taskSysId),
                        List.of(RetrospectiveTaskPages.PARENT_FIELD))
                .map(task -> task.text(RetrospectiveTaskPages.PARENT_FIELD));
    }
}
