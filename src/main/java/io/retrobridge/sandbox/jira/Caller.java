package io.retrobridge.sandbox.jira;

import io.retrobridge.sandbox.SandboxRequest;

/** Who sent a request; the server's credential check has already let it in. */
final class Caller {

    private final JiraAccounts accounts;

    Caller(JiraAccounts accounts) {
        this.accounts = accounts;
    }

    JiraUser of(SandboxRequest request) {
        return accounts.identify(request).orElseThrow(() -> new IllegalStateException("unauthenticated request passed"));
    }
}
