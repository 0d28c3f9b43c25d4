package io.retrobridge.transport;

/** A base URL that would send credentials in clear text to another machine; names the setting, never the value. */
public class InsecureBaseUrlException extends RuntimeException {

    private final String setting;

    public InsecureBaseUrlException(String setting) {
        super(setting + " uses http:// to a host other than this machine");
        this.setting = setting;
    }

    /** The setting at fault, e.g. {@code retrobridge.jira.base-url}. */
    public String setting() {
        return setting;
    }
}
