package io.retrobridge.sandbox;

/** How one simulated system shapes an error answer (Jira and ServiceNow each have their own). */
@FunctionalInterface
public interface ErrorBodies {

    SandboxResponse error(int status, String message);
}
