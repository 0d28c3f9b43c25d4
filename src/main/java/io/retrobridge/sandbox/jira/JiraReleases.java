package io.retrobridge.sandbox.jira;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Jira plans work with: each project's versions (in the project's order, released or not, with release dates)
 * and Jira Software's boards with their sprints (future, active, closed). Ids are numbered as a fresh site numbers
 * them: versions from 10000, boards and sprints from 1.
 */
final class JiraReleases {

    record Version(String id, String projectId, String projectKey, String name, String description, boolean released,
            boolean archived, LocalDate releaseDate) {
    }

    record Board(long id, String name, String projectKey) {
    }

    /** @param state {@code future}, {@code active} or {@code closed} */
    record Sprint(long id, long boardId, String name, String state, Instant startDate, Instant endDate, String goal) {
    }

    static final Set<String> SPRINT_STATES = Set.of("future", "active", "closed");

    private final Map<String, List<Version>> versionsByProject = new LinkedHashMap<>();
    private final Map<Long, Board> boards = new LinkedHashMap<>();
    private final Map<Long, Sprint> sprints = new LinkedHashMap<>();
    private long nextVersionId = 10000;
    private long nextBoardId = 1;
    private long nextSprintId = 1;

    /** Adds the version after the project's others, as Jira appends a new version to the end of the sequence. */
    synchronized Version addVersion(JiraProject project, String name, boolean released, LocalDate releaseDate) {
        if (versions(project.key()).stream().anyMatch(v -> v.name().equals(name))) {
            throw new IllegalArgumentException("A version with this name already exists in this project: " + name);
        }
        Version version = new Version(String.valueOf(nextVersionId++), project.id(), project.key(), name, "", released,
                false, releaseDate);
        versionsByProject.computeIfAbsent(project.key(), k -> new ArrayList<>()).add(version);
        return version;
    }

    /** Marks the version released, as the release button does. */
    synchronized void release(String projectKey, String name) {
        List<Version> versions = versionsByProject.getOrDefault(projectKey, List.of());
        for (int i = 0; i < versions.size(); i++) {
            Version v = versions.get(i);
            if (v.name().equals(name)) {
                versions.set(i, new Version(v.id(), v.projectId(), v.projectKey(), v.name(), v.description(), true,
                        v.archived(), v.releaseDate()));
                return;
            }
        }
        throw new IllegalArgumentException("No version " + name + " in " + projectKey);
    }

    synchronized List<Version> versions(String projectKey) {
        return List.copyOf(versionsByProject.getOrDefault(projectKey, List.of()));
    }

    /** A version of the project by id or by name, as an issue's {@code fixVersions} names it. */
    synchronized Optional<Version> version(String projectKey, String id, String name) {
        return versions(projectKey).stream()
                .filter(v -> id != null ? v.id().equals(id) : v.name().equals(name)).findFirst();
    }

    synchronized Board addBoard(String name, JiraProject project) {
        Board board = new Board(nextBoardId++, name, project.key());
        boards.put(board.id(), board);
        return board;
    }

    synchronized Optional<Board> board(long id) {
        return Optional.ofNullable(boards.get(id));
    }

    synchronized Sprint addSprint(long boardId, String name, String state, Instant startDate, Instant endDate) {
        if (!boards.containsKey(boardId)) {
            throw new IllegalArgumentException("No board " + boardId);
        }
        if (!SPRINT_STATES.contains(state)) {
            throw new IllegalArgumentException("A sprint is future, active or closed, not " + state);
        }
        Sprint sprint = new Sprint(nextSprintId++, boardId, name, state, startDate, endDate, "");
        sprints.put(sprint.id(), sprint);
        return sprint;
    }

    /** The board's sprints in these states, in the board's order (closed, then active, then future, each by id). */
    synchronized List<Sprint> sprints(long boardId, Set<String> states) {
        List<String> order = List.of("closed", "active", "future");
        return sprints.values().stream().filter(s -> s.boardId() == boardId && states.contains(s.state()))
                .sorted((a, b) -> a.state().equals(b.state()) ? Long.compare(a.id(), b.id())
                        : Integer.compare(order.indexOf(a.state()), order.indexOf(b.state())))
                .toList();
    }

    synchronized Optional<Sprint> sprint(long id) {
        return Optional.ofNullable(sprints.get(id));
    }
}
