package io.retrobridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.retrobridge.domain.DeletedRecord;
import io.retrobridge.domain.ExternalRef;
import io.retrobridge.domain.ExternalSystem;
import io.retrobridge.sync.DeletedRecords;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the sync relies on from any {@link DeletedRecords}. */
abstract class DeletedRecordsContract extends StoreContractSupport {

    private DeletedRecords deleted() {
        return port(DeletedRecords.class);
    }

    @Test
    void aRememberedDeletionIsFoundByItsRecordOnItsSystemOnly() {
        ExternalRef issue = new ExternalRef(ExternalSystem.JIRA, "10" + UUID.randomUUID().toString().substring(0, 6));
        DeletedRecord record = new DeletedRecord(issue, UUID.randomUUID(), "PAY-4", "jira:issue_deleted", START);

        deleted().remember(record);

        assertThat(deleted().find(issue)).contains(record);
        assertThat(deleted().find(new ExternalRef(ExternalSystem.SERVICENOW, issue.id()))).isEmpty();
    }

    @Test
    void theFirstHandlingStaysWhenTheNoticeComesAgain() {
        ExternalRef task = new ExternalRef(ExternalSystem.SERVICENOW, UUID.randomUUID().toString().replace("-", ""));
        UUID link = UUID.randomUUID();
        DeletedRecord first = new DeletedRecord(task, link, "PTASK0010001", "servicenow:problem_task:delete", START);

        deleted().remember(first);
        deleted().remember(new DeletedRecord(task, link, "PTASK0010001", "servicenow:problem_task:delete",
                START.plusSeconds(60)));

        assertThat(deleted().find(task)).contains(first);
    }
}
