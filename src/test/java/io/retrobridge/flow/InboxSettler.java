package io.retrobridge.flow;

import io.retrobridge.flow.inbox.InboxWorker;
import io.retrobridge.jira.JiraPoller;
import io.retrobridge.servicenow.ServiceNowPoller;
import io.retrobridge.sync.EventInbox;
import io.retrobridge.testsupport.SandboxPair;
import java.time.Instant;

/** Works the connector's inbox down the way the schedule would, and counts what that wrote. */
final class InboxSettler {

    private final SandboxPair systems;
    private final InboxWorker worker;
    private final EventInbox inbox;
    private final JiraPoller jiraPoller;
    private final ServiceNowPoller serviceNowPoller;

    InboxSettler(SandboxPair systems, InboxWorker worker, EventInbox inbox, JiraPoller jiraPoller,
                 ServiceNowPoller serviceNowPoller) {
        this.systems = systems;
        this.worker = worker;
        this.inbox = inbox;
        this.jiraPoller = jiraPoller;
        this.serviceNowPoller = serviceNowPoller;
    }

    /** Lets every notification land, works the inbox down until nothing new comes back, counts our writes. */
    Writes settle() {
        return counting(() -> { });
    }

    /** Polls both sides (what a lost or unusable notification relies on), then settles. */
    Writes pollAndSettle() {
        return counting(() -> {
            serviceNowPoller.poll();
            jiraPoller.poll();
        });
    }

    void drainAll() {
        for (int round = 0; round < 50; round++) {
            int done = 0;
            while (worker.drain() > 0) {
                done++;
            }
            systems.awaitWebhooks();
            // Events held until later (a PIR collection waiting for its after-window) are not due work.
            if (done == 0 && inbox.dueCount(Instant.now()) == 0) {
                return;
            }
        }
        throw new AssertionError("the inbox never ran dry: " + inbox.dueCount(Instant.now()) + " due (ping-pong?)");
    }

    private Writes counting(Runnable first) {
        systems.awaitWebhooks();
        long jira = systems.jiraWrites();
        long servicenow = systems.servicenowWrites();
        first.run();
        drainAll();
        return new Writes(systems.jiraWrites() - jira, systems.servicenowWrites() - servicenow);
    }
}
