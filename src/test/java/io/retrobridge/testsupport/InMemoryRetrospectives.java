package io.retrobridge.testsupport;

import io.retrobridge.domain.Retrospective;
import io.retrobridge.domain.RetrospectiveTrigger;
import io.retrobridge.sync.RetrospectiveStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The retrospectives store in memory: one retrospective per trigger key, listed in the order they were opened. */
public final class InMemoryRetrospectives implements RetrospectiveStore {

    private final Map<String, Retrospective> byKey = new LinkedHashMap<>();

    @Override
    public Retrospective open(RetrospectiveTrigger trigger, String serviceNowTable, Instant at) {
        return byKey.computeIfAbsent(trigger.key(), key -> Retrospective.opened(trigger, serviceNowTable, at));
    }

    @Override
    public Optional<Retrospective> find(UUID id) {
        return byKey.values().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    @Override
    public Optional<Retrospective> findByKey(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    @Override
    public Retrospective recordServiceNow(UUID id, String sysId, String number, String changeSysId, String note) {
        Retrospective r = find(id).orElseThrow();
        return put(new Retrospective(r.id(), r.key(), r.ruleId(), r.tier(), r.reason(), r.application(),
                r.environment(), r.version(), r.changeNumber(), r.program(), r.due(), r.createdAt(),
                r.serviceNowTable(), sysId, number, changeSysId, note, r.jiraIssueId(), r.jiraKey(), r.linkedAt()));
    }

    @Override
    public Retrospective recordJira(UUID id, String issueId, String key) {
        Retrospective r = find(id).orElseThrow();
        return put(new Retrospective(r.id(), r.key(), r.ruleId(), r.tier(), r.reason(), r.application(),
                r.environment(), r.version(), r.changeNumber(), r.program(), r.due(), r.createdAt(),
                r.serviceNowTable(), r.serviceNowSysId(), r.serviceNowNumber(), r.changeSysId(), r.rfcNote(),
                issueId, key, r.linkedAt()));
    }

    @Override
    public Retrospective recordLinked(UUID id, Instant at) {
        Retrospective r = find(id).orElseThrow();
        return put(new Retrospective(r.id(), r.key(), r.ruleId(), r.tier(), r.reason(), r.application(),
                r.environment(), r.version(), r.changeNumber(), r.program(), r.due(), r.createdAt(),
                r.serviceNowTable(), r.serviceNowSysId(), r.serviceNowNumber(), r.changeSysId(), r.rfcNote(),
                r.jiraIssueId(), r.jiraKey(), at));
    }

    private Retrospective put(Retrospective r) {
        byKey.put(r.key(), r);
        return r;
    }

    @Override
    public List<Retrospective> list(String application, Instant since, int offset, int limit) {
        return byKey.values().stream()
                .filter(r -> application == null || application.equals(r.application()))
                .filter(r -> since == null || !r.createdAt().isBefore(since))
                .skip(offset).limit(limit).toList();
    }

    @Override
    public long count(String application, Instant since) {
        return list(application, since, 0, Integer.MAX_VALUE).size();
    }
}
