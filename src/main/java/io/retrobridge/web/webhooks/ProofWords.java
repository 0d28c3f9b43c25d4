package io.retrobridge.web.webhooks;

import io.retrobridge.sync.WebhookSource;

/** What to tell the sender's admin when a delivery's proof is missing or wrong, in the terms of its proof. */
final class ProofWords {

    private ProofWords() {
    }

    static String howToSend(WebhookSource source) {
        return switch (source.proof()) {
            case HMAC_SHA256 -> "configure the " + source.name() + " webhook with a secret so it signs its deliveries,"
                    + " the same secret as " + source.secretSetting() + ".";
            case TOKEN -> "configure the " + source.name() + " webhook with a secret token, the same as "
                    + source.secretSetting() + ".";
            case BASIC_AUTH -> "configure the " + source.name() + " webhook with basic authentication (any user name)"
                    + " whose password is the value of " + source.secretSetting() + ".";
            case BEARER_OR_BASIC -> "configure the " + source.name() + " webhook's http_config with a bearer token"
                    + " (authorization credentials) or basic authentication (any user name) whose password is the"
                    + " value of " + source.secretSetting() + ".";
            case HMAC_SHA256_HEX -> "configure the " + source.name() + " check with a shared secret so it signs its"
                    + " requests, the same secret as " + source.secretSetting() + ".";
        };
    }

    static String mismatch(WebhookSource source) {
        return switch (source.proof()) {
            case HMAC_SHA256 -> source.signatureHeader() + " does not match the body: check that the sender's secret"
                    + " equals " + source.secretSetting() + ", that it signs with HMAC-SHA256 as sha256=<hex>, and that"
                    + " nothing on the way rewrites the body.";
            case TOKEN -> source.signatureHeader() + " is not the configured token: set the " + source.name()
                    + " webhook's secret token to the value of " + source.secretSetting() + ".";
            case BASIC_AUTH -> "The basic-authentication password is not the configured secret: set the "
                    + source.name() + " webhook's password to the value of " + source.secretSetting() + ".";
            case BEARER_OR_BASIC -> source.signatureHeader() + " carries neither a bearer token nor a basic-"
                    + "authentication password equal to the configured secret: set the " + source.name()
                    + " webhook's credentials (or basic-authentication password) to the value of "
                    + source.secretSetting() + ".";
            case HMAC_SHA256_HEX -> source.signatureHeader() + " does not match the body: check that the "
                    + source.name() + " check's shared secret equals " + source.secretSetting() + " (it signs with"
                    + " HMAC-SHA256 as bare hex) and that nothing on the way rewrites the body.";
        };
    }
}
