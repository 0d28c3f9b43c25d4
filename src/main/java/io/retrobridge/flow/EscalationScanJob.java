package io.retrobridge.flow;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** What routes/escalation-scan.yaml calls on its timer: one scan, unless one is running already. */
@Component("escalationScanJob")
public class EscalationScanJob {

    private static final Logger log = LoggerFactory.getLogger(EscalationScanJob.class);

    private final ObjectProvider<EscalationScan> scans;
    private final AtomicBoolean saidUnavailable = new AtomicBoolean();

    public EscalationScanJob(ObjectProvider<EscalationScan> scans) {
        this.scans = scans;
    }

    public void run() {
        EscalationScan scan = scans.getIfAvailable();
        if (scan == null) {
            if (saidUnavailable.compareAndSet(false, true)) {
                log.warn("Scheduled escalation scan skipped: the scan is not available in this build (see the start-up log)");
            }
            return;
        }
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
