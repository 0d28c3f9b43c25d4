package io.retrobridge.flow.items;

import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.domain.Link;
import io.retrobridge.mapping.CurrentMappings;
import io.retrobridge.sync.Journal;
import io.retrobridge.sync.LinkStore;
import io.retrobridge.sync.SideGateway;
import io.retrobridge.sync.SideRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Finds an action item by the name people see as well as by the id RetroBridge stores: a Jira key (PAY-4) or a
 * ServiceNow number (PTASK0010002) is resolved to the issue id or sys_id through the system's own read, and a
 * linked item is answered with both of its sides. The store is asked first, so items RetroBridge knows by id
 * cost no remote call.
 */
@Component
public class ItemLookup {

    /**
     * An item RetroBridge has a history for.
     *
     * @param asked    the record as the caller named it
     * @param subject  the same record by the id RetroBridge stores
     * @param link     its link, when it was synced
     * @param subjects every side the history covers: both sides of a link, else the record itself
     */
    public record KnownItem(ExternalRef asked, ExternalRef subject, Optional<Link> link, List<ExternalRef> subjects) {
    }

    /** What the lookup found: a known item, or why the name is unknown. */
    public sealed interface Result permits Found, Unknown {
    }

    public record Found(KnownItem item) implements Result {
    }

    public record Unknown(String reason) implements Result {
    }

    private static final Pattern SYS_ID = Pattern.compile("[0-9a-fA-F]{32}");

    private final LinkStore links;
    private final Journal journal;
    private final CurrentMappings mappings;
    private final Map<ExternalSystem, SideGateway> sides = new TreeMap<>();

    public ItemLookup(LinkStore links, Journal journal, CurrentMappings mappings, List<SideGateway> sides) {
        this.links = links;
        this.journal = journal;
        this.mappings = mappings;
        sides.forEach(side -> this.sides.put(side.system(), side));
    }

    /**
     * @param name an issue id or key, a sys_id or a record number
     * @throws IllegalArgumentException when {@code name} cannot name a record at all
     * @throws io.retrobridge.transport.RemoteCallException when the system had to be asked and could not answer
     */
    public Result find(ExternalSystem system, String name) {
        ExternalRef asked = new ExternalRef(system, name.strip());
        Optional<KnownItem> stored = known(asked, asked);
        if (stored.isPresent()) {
            return new Found(stored.get());
        }
        SideGateway side = sides.get(system);
        Optional<SideRecord> found = side.findByDisplayKey(asked.id(), mappings.actionItems());
        if (found.isEmpty() && SYS_ID.matcher(asked.id()).matches()) {
            found = side.read(asked.id(), mappings.actionItems());
        }
        Optional<SideRecord> record = found;
        if (record.isEmpty()) {
            return new Unknown(systemName(system) + " has no " + recordWord(system) + " '" + asked.id()
                    + "' that RetroBridge can see, and RetroBridge has no history under that id ("
                    + howToName(system) + ").");
        }
        ExternalRef subject = new ExternalRef(system, record.get().id());
        return known(asked, subject).<Result>map(Found::new).orElseGet(() -> new Unknown(systemName(system) + " "
                + recordWord(system) + " " + record.get().displayKey() + " (id " + subject.id()
                + ") exists, but RetroBridge has no history for it: it was never synced (out of the mapping's scope, "
                + "or not polled yet)."));
    }

    /**
     * The record {@code name} names, by an id its system reads: Jira reads keys as well as ids, ServiceNow only
     * sys_ids, so a ServiceNow number is looked up; empty when no record has that number.
     */
    public Optional<ExternalRef> readableRef(ExternalSystem system, String name) {
        ExternalRef asked = new ExternalRef(system, name.strip());
        if (system != ExternalSystem.SERVICENOW || SYS_ID.matcher(asked.id()).matches()) {
            return Optional.of(asked);
        }
        return sides.get(system).findByDisplayKey(asked.id(), mappings.actionItems())
                .map(record -> new ExternalRef(system, record.id()));
    }

    private Optional<KnownItem> known(ExternalRef asked, ExternalRef subject) {
        Optional<Link> link = links.findByExternal(subject);
        if (link.isPresent()) {
            List<ExternalRef> subjects = new ArrayList<>();
            for (ExternalSystem side : ExternalSystem.values()) {
                link.get().refOn(side).ifPresent(subjects::add);
            }
            return Optional.of(new KnownItem(asked, subject, link, subjects));
        }
        if (!journal.forSubject(subject, 1).isEmpty()) {
            return Optional.of(new KnownItem(asked, subject, Optional.empty(), List.of(subject)));
        }
        return Optional.empty();
    }

    private static String systemName(ExternalSystem system) {
        return system == ExternalSystem.JIRA ? "Jira" : "ServiceNow";
    }

    private static String recordWord(ExternalSystem system) {
        return system == ExternalSystem.JIRA ? "issue" : "record";
    }

    private static String howToName(ExternalSystem system) {
        return system == ExternalSystem.JIRA ? "give an issue key like PAY-4 or its numeric id"
                : "give a number like PTASK0010002 or its sys_id";
    }
}
