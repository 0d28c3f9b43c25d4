package io.retrobridge.escalation.scan;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** What routes/escalation-scan.yaml calls on its timer: one scan, unless one is running already. */
@Component("escalationScanJob")
public class EscalationScanJob {

    private static final Logger log = LoggerFactory.getLogger(EscalationScanJob.class);

    private final EscalationScan scan;

    public EscalationScanJob(EscalationScan scan) {
        this.scan = scan;
    }

    public void run() {
        try {
            scan.scan();
        } catch (ScanAlreadyRunningException e) {
            log.info("Scheduled escalation scan skipped: the previous one is still running");
        } catch (RuntimeException e) {
            // Reading the items failed (a system down, a circuit open): nothing was written; the next run retries.
            log.warn("Escalation scan stopped before it wrote anything; the next scheduled scan tries again: {}",
                    e.getMessage());
        }
    }
}
