package io.retrobridge.mapping;

import io.retrobridge.mapping.change.ChangeRecordsMapping;
import io.retrobridge.mapping.change.ChangeRecordsParser;
import io.retrobridge.mapping.escalation.ActionItemsInUse;
import io.retrobridge.mapping.escalation.EscalationPolicy;
import io.retrobridge.mapping.escalation.EscalationsParser;
import io.retrobridge.mapping.gate.GatePolicy;
import io.retrobridge.mapping.gate.GatesParser;
import io.retrobridge.mapping.pir.PirMetricsMapping;
import io.retrobridge.mapping.pir.PirMetricsParser;
import io.retrobridge.mapping.retro.RetrospectivesMapping;
import io.retrobridge.mapping.retro.RetrospectivesParser;
import io.retrobridge.mapping.team.TeamsMapping;
import io.retrobridge.mapping.team.TeamsParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and validates the mapping files of a folder, reporting every problem at once.
 * {@code action-items.yaml} is required; {@code escalations.yaml} (without it nothing escalates),
 * {@code change-records.yaml} (without it no change is mirrored), {@code retrospectives.yaml} (without it no
 * retrospective opens by itself), {@code pir-metrics.yaml} (without it no PIR figures are collected) and
 * {@code gates.yaml} (without it there is no deployment gate policy) and {@code teams.yaml} (without it the reports
 * have no teams) are optional.
 */
public final class MappingLoader {

    /** The file names the loader reads from a mappings folder; other files there are ignored. */
    public static final List<String> KNOWN_FILES = List.of(ActionItemsDefinition.FILE_NAME, EscalationPolicy.FILE_NAME,
            ChangeRecordsMapping.FILE_NAME, RetrospectivesMapping.FILE_NAME, PirMetricsMapping.FILE_NAME,
            GatePolicy.FILE_NAME, TeamsMapping.FILE_NAME);

    private final TextFormatConverters textConverters;

    /** @param textConverters used by the loaded mapping to convert descriptions (validation never calls them) */
    public MappingLoader(TextFormatConverters textConverters) {
        this.textConverters = Objects.requireNonNull(textConverters);
    }

    /** A loader for checking files only: validation never converts text, so no converters are needed. */
    public static MappingLoader forValidation() {
        return new MappingLoader(TextFormatConverters.plainOnly());
    }

    /** One file's YAML as read: absent (not in the folder), or its root node (empty when it could not be read). */
    private record Source(String fileName, boolean present, Optional<Node> root) {
        static Source absent(String fileName) {
            return new Source(fileName, false, Optional.empty());
        }
    }

    public LoadedMappings load(Path dir) throws MappingValidationException {
        if (!Files.isDirectory(dir)) {
            throw new MappingValidationException(List.of(new MappingProblem(dir.toString(), 1, 1, "",
                    "mappings folder does not exist", "create it or point retrobridge.mappings.dir at it")));
        }
        List<MappingProblem> problems = new ArrayList<>();
        return build(dir, new Sources(dir, null, null, problems), problems);
    }

    /**
     * Checks the text of one mapping file as if it were {@code fileName} in {@code dir}, without reading
     * or changing anything on disk but the other files of the folder, which are checked with it (a board
     * queue must not be an action-item queue): what an admin sends to be checked before saving it.
     */
    public LoadedMappings loadText(Path dir, String fileName, byte[] content) throws MappingValidationException {
        if (!KNOWN_FILES.contains(fileName)) {
            throw new MappingValidationException(List.of(new MappingProblem(fileName, 1, 1, "",
                    "`" + fileName + "` is not a mapping file RetroBridge reads",
                    "name one of: " + String.join(", ", KNOWN_FILES))));
        }
        List<MappingProblem> problems = new ArrayList<>();
        Source edited = new Source(fileName, true, SafeYaml.read(content, fileName, problems));
        return build(dir, new Sources(dir, fileName, edited, problems), problems);
    }

    /** The folder's files, one of them replaced by an edited text when one is being checked. */
    private record Sources(Path dir, String editedName, Source edited, List<MappingProblem> problems) {
        Source get(String fileName) {
            return fileName.equals(editedName) ? edited : fromDisk(dir, fileName, problems);
        }
    }

    private static Source fromDisk(Path dir, String fileName, List<MappingProblem> problems) {
        Path file = dir.resolve(fileName);
        if (Files.isRegularFile(file)) {
            return new Source(fileName, true, SafeYaml.read(file, fileName, problems));
        }
        if (fileName.equals(ActionItemsDefinition.FILE_NAME)) {
            problems.add(new MappingProblem(fileName, 1, 1, "", "file is missing from " + dir,
                    "copy the default mappings/action-items.yaml there and adapt it"));
        }
        return Source.absent(fileName);
    }

    private LoadedMappings build(Path dir, Sources sources, List<MappingProblem> problems)
            throws MappingValidationException {
        Source actionItems = sources.get(ActionItemsDefinition.FILE_NAME);
        Source escalations = sources.get(EscalationPolicy.FILE_NAME);
        Source changes = sources.get(ChangeRecordsMapping.FILE_NAME);
        Source retrospectives = sources.get(RetrospectivesMapping.FILE_NAME);
        Source pir = sources.get(PirMetricsMapping.FILE_NAME);
        Source gates = sources.get(GatePolicy.FILE_NAME);
        Source teams = sources.get(TeamsMapping.FILE_NAME);
        Optional<ActionItemsDefinition> definition = actionItems.root().flatMap(node ->
                new ActionItemsParser(new NodeReader(actionItems.fileName(), problems)).parse(node, problems));
        // Board queues and markers are checked against the action-item mapping only when it is known to be right.
        ActionItemsInUse inUse = definition.map(MappingLoader::inUse).orElse(ActionItemsInUse.UNKNOWN);
        Optional<EscalationPolicy> policy = escalations.root().flatMap(node ->
                new EscalationsParser(new NodeReader(escalations.fileName(), problems), inUse).parse(node));
        Optional<ChangeRecordsMapping> changeRecords = changes.root().flatMap(node ->
                new ChangeRecordsParser(new NodeReader(changes.fileName(), problems)).parse(node));
        Optional<RetrospectivesMapping> criteria = retrospectives.root().flatMap(node ->
                new RetrospectivesParser(new NodeReader(retrospectives.fileName(), problems)).parse(node));
        Optional<PirMetricsMapping> pirMetrics = pir.root().flatMap(node ->
                new PirMetricsParser(new NodeReader(pir.fileName(), problems)).parse(node));
        Optional<GatePolicy> gatePolicy = gates.root().flatMap(node ->
                new GatesParser(new NodeReader(gates.fileName(), problems)).parse(node));
        Optional<TeamsMapping> owners = teams.root().flatMap(node ->
                new TeamsParser(new NodeReader(teams.fileName(), problems)).parse(node));
        if (!problems.isEmpty() || definition.isEmpty() || (escalations.present() && policy.isEmpty())
                || (changes.present() && changeRecords.isEmpty())
                || (retrospectives.present() && criteria.isEmpty()) || (pir.present() && pirMetrics.isEmpty())
                || (gates.present() && gatePolicy.isEmpty()) || (teams.present() && owners.isEmpty())) {
            throw new MappingValidationException(problems);
        }
        List<String> files = Stream.of(actionItems, escalations, changes, retrospectives, pir, gates, teams)
                .filter(Source::present).map(Source::fileName).toList();
        return new LoadedMappings(dir, files, definition.get(),
                new ActionItemMappingEngine(definition.get(), textConverters), policy, changeRecords, criteria,
                pirMetrics, gatePolicy, owners);
    }

    private static ActionItemsInUse inUse(ActionItemsDefinition definition) {
        Map<String, String> serviceNowFields = new LinkedHashMap<>();
        Map<String, String> jiraLabelPrefixes = new LinkedHashMap<>();
        for (FieldRule rule : definition.fields().values()) {
            if (rule.servicenow() != null) {
                rule.servicenow().fields().forEach(field -> serviceNowFields.put(field, rule.field().yaml()));
            }
            if (rule.jira() != null && rule.jira().usesLabelPrefix()) {
                jiraLabelPrefixes.put(rule.jira().labelPrefix(), rule.field().yaml());
            }
        }
        return new ActionItemsInUse(definition.servicenow() == null ? null : definition.servicenow().table(),
                definition.jira() == null ? List.of() : definition.jira().projects(), serviceNowFields, jiraLabelPrefixes);
    }
}
