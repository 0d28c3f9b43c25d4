package io.retrobridge.gate;

import java.util.Objects;

/**
 * What a pipeline asks the gate about: may this release proceed?
 *
 * @param gate         the gate called by name, e.g. {@code prod}; one {@code gates.yaml} does not define is judged in
 *                     the tier's own mode
 * @param application  as deployments name it
 * @param version      the version released; null when the caller gives none
 * @param environment  where it is released, e.g. {@code production}; compared in lower case
 * @param commitSha    the commit released; null when the caller gives none
 * @param changeNumber the change request covering it, e.g. {@code CHG0030001}; null when there is none
 * @param requester    who or what asked (user, pipeline run); null when unknown
 */
public record ReleaseQuestion(String gate, String application, String version, String environment, String commitSha,
                              String changeNumber, String requester) {

    public ReleaseQuestion {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(environment, "environment");
    }
}
