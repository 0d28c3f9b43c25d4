package io.retrobridge.mapping;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a mapping file into YAML nodes (never Java objects) with every limit that keeps hostile input
 * from hanging or exhausting the service: size checked before parsing, shallow nesting, few aliases,
 * no recursive keys, and only the plain YAML tags. Nodes keep their line and column for messages.
 */
final class SafeYaml {

    static final long MAX_FILE_BYTES = 1024 * 1024;
    static final int MAX_NESTING_DEPTH = 40;
    static final int MAX_ALIASES_FOR_COLLECTIONS = 10;

    private static final Set<Tag> PLAIN_TAGS = Set.of(Tag.STR, Tag.INT, Tag.BOOL, Tag.FLOAT, Tag.NULL, Tag.MAP,
            Tag.SEQ, Tag.TIMESTAMP);

    private static final String GLOBAL_TAG_REFUSED = "Global tag is not allowed:";

    private SafeYaml() {
    }

    /** The document's root node, or empty with the problems recorded. An empty file gives empty too. */
    static Optional<Node> read(Path file, String fileName, List<MappingProblem> problems) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                problems.add(new MappingProblem(fileName, 1, 1, "", "file is " + size + " bytes; mapping files may be"
                        + " at most " + MAX_FILE_BYTES + " bytes (1 MiB)", "split it or remove what is not needed"));
                return Optional.empty();
            }
            return parse(decode(Files.readAllBytes(file)), fileName, problems);
        } catch (CharacterCodingException e) {
            problems.add(new MappingProblem(fileName, 1, 1, "", "file is not valid UTF-8", "save it as UTF-8"));
        } catch (IOException e) {
            problems.add(new MappingProblem(fileName, 1, 1, "", "cannot read file: " + e.getMessage(),
                    "check that it exists and is readable"));
        }
        return Optional.empty();
    }

    /** As {@link #read(Path, String, List)} for text that is not (yet) a file, e.g. an edit sent for checking. */
    static Optional<Node> read(byte[] content, String fileName, List<MappingProblem> problems) {
        if (content.length > MAX_FILE_BYTES) {
            problems.add(new MappingProblem(fileName, 1, 1, "", "text is " + content.length + " bytes; mapping files may"
                    + " be at most " + MAX_FILE_BYTES + " bytes (1 MiB)", "split it or remove what is not needed"));
            return Optional.empty();
        }
        try {
            return parse(decode(content), fileName, problems);
        } catch (CharacterCodingException e) {
            problems.add(new MappingProblem(fileName, 1, 1, "", "text is not valid UTF-8", "save it as UTF-8"));
            return Optional.empty();
        }
    }

    private static Optional<Node> parse(String text, String fileName, List<MappingProblem> problems) {
        try {
            Node root = yaml().compose(new StringReader(text));
            if (root == null) {
                problems.add(new MappingProblem(fileName, 1, 1, "", "file is empty",
                        "start from the commented default mappings/" + fileName));
                return Optional.empty();
            }
            int before = problems.size();
            checkTags(root, fileName, problems, Collections.newSetFromMap(new IdentityHashMap<>()),
                    Collections.newSetFromMap(new IdentityHashMap<>()));
            return problems.size() == before ? Optional.of(root) : Optional.empty();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String what = (e.getContext() == null ? "" : e.getContext() + ", ")
                    + (e.getProblem() == null ? e.getMessage() : e.getProblem());
            int line = mark == null ? 1 : mark.getLine() + 1;
            int column = mark == null ? 1 : mark.getColumn() + 1;
            if (what.contains(GLOBAL_TAG_REFUSED)) {
                // A Java type tag (!!javax..., !!java...): the reader refuses it before building anything.
                String tag = what.substring(what.indexOf(GLOBAL_TAG_REFUSED) + GLOBAL_TAG_REFUSED.length()).strip();
                problems.add(new MappingProblem(fileName, line, column, "", "unknown tag `" + shortTag(new Tag(tag))
                        + "`; mapping files use plain YAML without tags", "remove the tag"));
            } else {
                problems.add(new MappingProblem(fileName, line, column, "", "not valid YAML: " + what.strip(),
                        "check indentation and quoting around this place"));
            }
        } catch (YAMLException e) {
            problems.add(refusal(fileName, e.getMessage()));
        } catch (StackOverflowError e) {
            problems.add(new MappingProblem(fileName, 1, 1, "", "file is nested too deeply to read",
                    "keep nesting under " + MAX_NESTING_DEPTH + " levels"));
        }
        return Optional.empty();
    }

    private static MappingProblem refusal(String fileName, String detail) {
        String message = detail == null ? "" : detail;
        if (message.contains("aliases")) {
            return new MappingProblem(fileName, 1, 1, "", "file uses more than " + MAX_ALIASES_FOR_COLLECTIONS
                    + " aliases (*name) of lists or maps; refused as a possible alias bomb",
                    "write the repeated parts out, or use fewer anchors");
        }
        if (message.toLowerCase().contains("nesting depth")) {
            return new MappingProblem(fileName, 1, 1, "", "file is nested deeper than " + MAX_NESTING_DEPTH
                    + " levels", "flatten it; mapping files need a handful of levels");
        }
        if (message.contains("code points")) {
            return new MappingProblem(fileName, 1, 1, "", "file is longer than 1 MiB", "split it or remove what is not needed");
        }
        if (message.toLowerCase().contains("recursive")) {
            return new MappingProblem(fileName, 1, 1, "", "file has an anchor that refers to itself", "remove the recursive alias");
        }
        return new MappingProblem(fileName, 1, 1, "", "not valid YAML: " + message, "fix the YAML syntax");
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit((int) MAX_FILE_BYTES);
        options.setNestingDepthLimit(MAX_NESTING_DEPTH);
        options.setMaxAliasesForCollections(MAX_ALIASES_FOR_COLLECTIONS);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        // Duplicate keys are reported by the validator with both positions; nodes are never constructed.
        options.setAllowDuplicateKeys(true);
        options.setTagInspector(tag -> false);
        return new Yaml(new SafeConstructor(options), new org.yaml.snakeyaml.representer.Representer(
                new org.yaml.snakeyaml.DumperOptions()), new org.yaml.snakeyaml.DumperOptions(), options);
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    }

    /** Refuses every tag but plain YAML's: a mapping file never names a Java type or a custom type. */
    private static void checkTags(Node node, String fileName, List<MappingProblem> problems, Set<Node> seen,
                                  Set<Node> ancestors) {
        if (ancestors.contains(node)) {
            problems.add(at(fileName, node, "an alias refers to the list or map it is inside", "remove the recursive alias"));
            return;
        }
        if (!seen.add(node)) {
            return; // an alias: already checked, and walking it again could multiply the work
        }
        if (node.getTag().equals(Tag.MERGE)) {
            problems.add(at(fileName, node, "merge keys (<<) are not supported", "write the keys out"));
        } else if (!PLAIN_TAGS.contains(node.getTag())) {
            problems.add(at(fileName, node, "unknown tag `" + shortTag(node.getTag()) + "`; mapping files use plain"
                    + " YAML without tags", "remove the tag"));
            return;
        }
        ancestors.add(node);
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                checkTags(tuple.getKeyNode(), fileName, problems, seen, ancestors);
                checkTags(tuple.getValueNode(), fileName, problems, seen, ancestors);
            }
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                checkTags(item, fileName, problems, seen, ancestors);
            }
        }
        ancestors.remove(node);
    }

    private static String shortTag(Tag tag) {
        String value = tag.getValue();
        return value.startsWith(Tag.PREFIX) ? "!!" + value.substring(Tag.PREFIX.length()) : value;
    }

    static MappingProblem at(String fileName, Node node, String message, String fix) {
        return new MappingProblem(fileName, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1, "",
                message, fix);
    }
}
