package io.retrobridge.mapping.team;

import io.retrobridge.mapping.NodeReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@link TeamsMapping#FILE_NAME}, collecting every problem with its place and a fix, and carrying on, so the
 * admin sees all of them at once.
 */
public final class TeamsParser {

    /** The keys a file may have at the top, in the order the shipped file uses them. */
    public static final List<String> TOP_LEVEL_KEYS = List.of("version", "teams");
    /** The keys of one team, in the order the shipped file uses them. */
    public static final List<String> TEAM_KEYS = List.of("name", "display-name", "applications");
    /** What a deployment's application can be (the reports' rule); another name would never match. */
    private static final Pattern APPLICATION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,254}");

    private final NodeReader in;
    /** Where each team name was first seen. */
    private final Map<String, Node> teamNames = new HashMap<>();
    /** Where each application was first listed, and by which team. */
    private final Map<String, Listed> owners = new HashMap<>();

    private record Listed(String team, Node at) {
    }

    public TeamsParser(NodeReader in) {
        this.in = in;
    }

    /** The teams; empty when the file has problems (they are in the reader's list). */
    public Optional<TeamsMapping> parse(Node root) {
        int before = in.problemCount();
        Optional<NodeReader.Entries> top = in.map(root, "", TOP_LEVEL_KEYS, TOP_LEVEL_KEYS);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        NodeReader.Entries file = top.get();
        in.versionOne(file);
        List<Team> teams = new ArrayList<>();
        if (file.has("teams")) {
            List<Node> items = in.list(file.get("teams"), "teams");
            if (items.isEmpty() && in.problemCount() == before) {
                in.problem(file.get("teams"), "teams", "no team defined",
                        "list at least one team with its name and applications, or delete the file for no teams");
            }
            for (int i = 0; i < items.size(); i++) {
                team(items.get(i), "teams[" + i + "]").ifPresent(teams::add);
            }
        }
        if (in.problemCount() > before) {
            return Optional.empty();
        }
        return Optional.of(new TeamsMapping(teams));
    }

    private Optional<Team> team(Node node, String path) {
        Optional<NodeReader.Entries> map = in.map(node, path, TEAM_KEYS, List.of("name", "applications"));
        if (map.isEmpty()) {
            return Optional.empty();
        }
        NodeReader.Entries e = map.get();
        int before = in.problemCount();
        String name = e.has("name") ? name(e.get("name"), e.pathOf("name")) : null;
        String displayName = e.has("display-name") ? in.text(e.get("display-name"), e.pathOf("display-name"))
                .orElse(null) : null;
        List<String> applications = e.has("applications")
                ? applications(e.get("applications"), e.pathOf("applications"), name) : List.of();
        if (in.problemCount() > before || !e.clean() || name == null) {
            return Optional.empty();
        }
        return Optional.of(new Team(name, displayName, applications));
    }

    private String name(Node node, String path) {
        Optional<String> value = in.text(node, path);
        if (value.isEmpty()) {
            return null;
        }
        String name = value.get();
        if (!NodeReader.ID.matcher(name).matches()) {
            String lower = name.toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
            in.problem(node, path, "team name `" + name + "` must be lower-case words joined by hyphens",
                    NodeReader.ID.matcher(lower).matches() ? "write `" + lower + "`" : "e.g. `payments`");
            return null;
        }
        if (name.equals(TeamsMapping.UNASSIGNED)) {
            in.problem(node, path, "team name `" + name + "` is reserved for the applications no team owns",
                    "choose another name; applications left out of every team are reported under `"
                            + TeamsMapping.UNASSIGNED + "` by themselves");
            return null;
        }
        Node first = teamNames.putIfAbsent(name, node);
        if (first != null) {
            in.problem(node, path, "team `" + name + "` is listed twice (first at line " + NodeReader.line(first)
                    + ")", "merge the two entries into one, or rename one of them");
            return null;
        }
        return name;
    }

    private List<String> applications(Node node, String path, String team) {
        List<String> applications = new ArrayList<>();
        List<Node> items = in.list(node, path);
        if (items.isEmpty() && node instanceof org.yaml.snakeyaml.nodes.SequenceNode) {
            in.problem(node, path, "the team owns no application",
                    "list the applications it owns, e.g. `[payment-gateway]`, or remove the team");
        }
        for (int i = 0; i < items.size(); i++) {
            String itemPath = path + "[" + i + "]";
            Optional<String> application = in.text(items.get(i), itemPath);
            if (application.isEmpty()) {
                continue;
            }
            if (!APPLICATION.matcher(application.get()).matches()) {
                in.problem(items.get(i), itemPath, "`" + application.get() + "` is not an application name",
                        "write it as deployments name it: letters, digits and . _ - /, e.g. `payment-gateway`");
                continue;
            }
            Listed first = owners.putIfAbsent(application.get(), new Listed(team, items.get(i)));
            if (first != null) {
                String where = first.team() == null || first.team().equals(team) ? "this team"
                        : "team `" + first.team() + "`";
                in.problem(items.get(i), itemPath, "application `" + application.get() + "` is already listed under "
                        + where + " (line " + NodeReader.line(first.at()) + "); an application belongs to at most"
                        + " one team", first.team() != null && !first.team().equals(team)
                        ? "keep it under the one team that owns it" : "remove the repeated entry");
                continue;
            }
            applications.add(application.get());
        }
        return applications;
    }
}
