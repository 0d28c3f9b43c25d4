package io.retrobridge.sandbox.jira;

/** A Jira Cloud account. The API token is only for checking Basic credentials and never printed. */
public record JiraUser(String accountId, String displayName, String email, String apiToken) {

    public JiraUser {
        if (accountId == null || accountId.isBlank()) {
            throw new IllegalArgumentException("A Jira user needs an accountId");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("Jira user " + accountId + " needs a display name");
        }
        email = email == null ? "" : email;
    }

    @Override
    public String toString() {
        return "JiraUser[accountId=" + accountId + ", displayName=" + displayName + ", email=" + email + "]";
    }
}
