package io.retrobridge.escalation.scan;

/** A scan was asked for while this instance is running one; the running one does the work. */
public class ScanAlreadyRunningException extends RuntimeException {

    public ScanAlreadyRunningException() {
        super("An escalation scan is already running in this instance; it will raise and resolve whatever is due. "
                + "Ask again when it has finished (see the log line 'Escalation scan finished').");
    }
}
