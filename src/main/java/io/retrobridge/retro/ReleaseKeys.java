package io.retrobridge.retro;

import io.retrobridge.domain.ChangeRecord;
import io.retrobridge.domain.Deployment;

/**
 * The key one retrospective is opened under per release: the change when the release has one, so a failed deployment
 * and its unsuccessful change open one retrospective; else application, environment and version.
 */
public final class ReleaseKeys {

    private ReleaseKeys() {
    }

    public static String of(ChangeRecord change) {
        return "change:" + change.number();
    }

    public static String of(Deployment deployment) {
        return deployment.change().map(number -> "change:" + number).orElseGet(() -> "release:"
                + deployment.application() + ":" + deployment.environment() + ":" + deployment.version());
    }

    /** The key of a program-level retrospective over releases, the first of which is {@code firstRelease}. */
    public static String program(String program, String firstRelease) {
        return "program:" + program + ":" + firstRelease;
    }
}
