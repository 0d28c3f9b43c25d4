package io.retrobridge.mapping;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** Reads and validates the mapping files of a folder, reporting every problem at once. */
public final class MappingLoader {

    /** The file names the loader reads from a mappings folder; other files there are ignored. */
    public static final List<String> KNOWN_FILES = List.of(ActionItemsDefinition.FILE_NAME);

    private final TextFormatConverters textConverters;

    /** @param textConverters used by the loaded mapping to convert descriptions (validation never calls them) */
    public MappingLoader(TextFormatConverters textConverters) {
        this.textConverters = Objects.requireNonNull(textConverters);
    }

    /** A loader for checking files only: validation never converts text, so no converters are needed. */
    public static MappingLoader forValidation() {
        return new MappingLoader(TextFormatConverters.plainOnly());
    }

    public LoadedMappings load(Path dir) throws MappingValidationException {
        List<MappingProblem> problems = new ArrayList<>();
        String fileName = ActionItemsDefinition.FILE_NAME;
        Path file = dir.resolve(fileName);
        if (!Files.isDirectory(dir)) {
            throw new MappingValidationException(List.of(new MappingProblem(dir.toString(), 1, 1, "",
                    "mappings folder does not exist", "create it or point retrobridge.mappings-dir at it")));
        }
        if (!Files.isRegularFile(file)) {
            throw new MappingValidationException(List.of(new MappingProblem(fileName, 1, 1, "",
                    "file is missing from " + dir, "copy the default mappings/action-items.yaml there and adapt it")));
        }
        return build(dir, fileName, SafeYaml.read(file, fileName, problems), problems);
    }

    /**
     * Checks the text of one mapping file as if it were {@code fileName} in {@code dir}, without reading
     * or changing anything on disk: what an admin sends to be checked before saving it.
     */
    public LoadedMappings loadText(Path dir, String fileName, byte[] content) throws MappingValidationException {
        if (!KNOWN_FILES.contains(fileName)) {
            throw new MappingValidationException(List.of(new MappingProblem(fileName, 1, 1, "",
                    "`" + fileName + "` is not a mapping file RetroBridge reads",
                    "name one of: " + String.join(", ", KNOWN_FILES))));
        }
        List<MappingProblem> problems = new ArrayList<>();
        return build(dir, fileName, SafeYaml.read(content, fileName, problems), problems);
    }

    private LoadedMappings build(Path dir, String fileName, Optional<Node> root, List<MappingProblem> problems)
            throws MappingValidationException {
        Optional<ActionItemsDefinition> definition = root.flatMap(node ->
                new ActionItemsParser(new NodeReader(fileName, problems)).parse(node, problems));
        if (!problems.isEmpty() || definition.isEmpty()) {
            throw new MappingValidationException(problems);
        }
        return new LoadedMappings(dir, List.of(fileName), definition.get(),
                new ActionItemMappingEngine(definition.get(), textConverters));
    }
}
