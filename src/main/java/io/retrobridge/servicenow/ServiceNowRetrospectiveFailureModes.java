package io.retrobridge.servicenow;

import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.Retrospective;
import io.retrobridge.mapping.ActionItemMapping;
import io.retrobridge.mapping.CanonicalField;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.mapping.FieldBinding;
import io.retrobridge.mapping.FieldRule;
import io.retrobridge.sync.RetrospectiveFailureModes;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The failure modes of a retrospective's action items as ServiceNow holds them: the problem tasks (the action-item
 * mapping's table and scope) under the retrospective's record, read from the field the mapping maps
 * {@code failure-mode} to ({@code cause_code} in the shipped mapping).
 */
@Component
class ServiceNowRetrospectiveFailureModes implements RetrospectiveFailureModes {

    private static final int PAGE_SIZE = 1000;

    private final CurrentMappings mappings;
    private final RetrospectiveTaskPages tasks;

    ServiceNowRetrospectiveFailureModes(ServiceNowClient servicenow, CurrentMappings mappings) {
        this.mappings = mappings;
        this.tasks = new RetrospectiveTaskPages(servicenow, mappings, PAGE_SIZE);
    }

    @Override
    public Set<String> failureModes(Retrospective retrospective) {
        Set<String> modes = new TreeSet<>();
        ActionItemMapping mapping = mappings.actionItems();
        FieldRule rule = mapping.fieldRules().get(CanonicalField.FAILURE_MODE);
        FieldBinding binding = rule == null ? null : rule.binding(ExternalSystem.SERVICENOW);
        if (retrospective.serviceNowSysId() == null || binding == null || binding.usesLabelPrefix()) {
            return modes;
        }
        String field = binding.field();
        tasks.forEach(retrospective, List.of(field), task -> {
            String mode = task.text(field).strip();
            if (!mode.isEmpty()) {
                modes.add(mode);
            }
        });
        return modes;
    }
}
