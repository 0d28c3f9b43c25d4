package io.retrobridge.sandbox.jira;

import java.util.List;
import java.util.Optional;

/** A project: its numeric id, key (e.g. PAY), name and components. Every project offers Task, Bug and Epic. */
record JiraProject(String id, String key, String name, List<Component> components) {

    record Component(String id, String name) {
    }

    JiraProject {
        components = List.copyOf(components);
    }

    Optional<Component> component(String id, String name) {
        return components.stream().filter(c -> c.id().equals(id) || c.name().equals(name)).findFirst();
    }
}
