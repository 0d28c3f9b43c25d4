package io.retrobridge.servicenow;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.retrobridge.mapping.gate.GateWrite;
import io.retrobridge.sync.GateDecisionRecords;
import io.retrobridge.transport.RemoteCallException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A gate answer on its ServiceNow change request: the decision field and a work note, in one PATCH, when the
 * decision or the blocking items differ from what the change last got.
 *
 * <p>What the change last got is read back from the change itself, not kept here: the decision field starts with
 * the answer's fingerprint, and so does each gate work note. The field is what the CAB sees, so a person clearing it,
 * a restored change or a second RetroBridge instance all leave the comparison right, and nothing needs a table of
 * its own. The change is read for its number anyway (the caller names it by number, writes go by sys_id), so the
 * field costs nothing more. The journal is read only when the field holds no fingerprint (never written, cleared,
 * cut by a short column) or no field is named: then the newest gate work note our account wrote says it.
 */
@Component
public class ServiceNowGateDecisions implements GateDecisionRecords {

    static final String TABLE = "change_request";
    static final String WORK_NOTES = "work_notes";
    private static final Logger log = LoggerFactory.getLogger(ServiceNowGateDecisions.class);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ServiceNowClient servicenow;

    public ServiceNowGateDecisions(ServiceNowClient servicenow) {
        this.servicenow = servicenow;
    }

    @Override
    public Written write(GateDecisionNote note, GateWrite.ServiceNow to) {
        String number = note.changeNumber();
        Optional<String> field = to.field();
        List<String> fields = new ArrayList<>(List.of("number"));
        field.ifPresent(fields::add);
        Optional<ServiceNowRecord> found;
        try {
            // The number goes into the query as a checked value of EncodedQuery, never spliced in.
            found = servicenow.findByNumber(TABLE, number, fields);
        } catch (RemoteCallException e) {
            return refused(e, "read", number, null).orElseThrow(() -> e);
        }
        if (found.isEmpty()) {
            return new Written(Outcome.SKIPPED, null, "ServiceNow shows " + account() + " no change " + number
                    + ": no such number, or an ACL keeps it from that account; nothing written");
        }
        ServiceNowRecord change = found.get();
        if (field.isPresent() && !change.fields().has(field.get())) {
            return new Written(Outcome.SKIPPED, change.sysId(), "change " + number + " was read without "
                    + field.get() + ": change_request has no such column, or an ACL hides it from " + account()
                    + "; nothing written (create the column or correct write.servicenow.decision-field in gates.yaml)");
        }
        String fingerprint = note.fingerprint();
        Optional<String> inField = field.flatMap(name -> GateDecisionText.fingerprintIn(change.text(name)));
        Optional<String> last = inField;
        if (inField.isEmpty() && to.workNote()) {
            try {
                last = lastNoted(change.sysId());
            } catch (RemoteCallException e) {
                if (refused(e, "read the journal of", number, change.sysId()).isEmpty()) {
                    throw e;
                }
                if (field.isEmpty()) {
                    // With no field, the journal is the only memory: without it every poll would add a note.
                    return new Written(Outcome.SKIPPED, change.sysId(), "change " + number + ": " + account()
                            + " may not read sys_journal_field (" + e.getMessage() + "), so the last gate note"
                            + " cannot be known; nothing written (grant the read, or name a decision-field)");
                }
                // The field remembers from now on; at worst this note repeats one the field lost.
            }
        }
        boolean writeField = field.isPresent() && !inField.equals(Optional.of(fingerprint));
        boolean writeNote = to.workNote() && !last.equals(Optional.of(fingerprint));
        if (!writeField && !writeNote) {
            return new Written(Outcome.UNCHANGED, change.sysId(), "change " + number + " already carries "
                    + note.decision() + " with the same blocking items; nothing written");
        }
        ObjectNode body = JSON.objectNode();
        String value = GateDecisionText.field(note);
        if (writeField) {
            body.put(field.get(), value);
        }
        if (writeNote) {
            body.put(WORK_NOTES, GateDecisionText.workNote(note));
        }
        ServiceNowRecord written;
        try {
            written = servicenow.update(TABLE, change.sysId(), body);
        } catch (RemoteCallException e) {
            return refused(e, "write", number, change.sysId()).orElseThrow(() -> e);
        }
        String what = writeField && writeNote ? "work note and " + field.get() : writeNote ? "work note"
                : field.get() + " (the work note was written before)";
        String detail = note.decision() + " written to change " + number + " (" + what + ")";
        if (writeField && !GateDecisionText.fingerprintIn(written.text(field.get())).equals(Optional.of(fingerprint))) {
            log.warn("Change {} did not keep the gate answer in {}: a write ACL, or a column shorter than {}",
                    number, field.get(), GateDecisionText.FIELD_LENGTH);
            detail += "; but " + field.get() + " did not keep it (a write ACL, or a column shorter than "
                    + GateDecisionText.FIELD_LENGTH + " characters)";
        }
        return new Written(Outcome.WRITTEN, change.sysId(), detail);
    }

    /** The fingerprint of the newest gate work note our account wrote on the change. */
    private Optional<String> lastNoted(String changeSysId) {
        Optional<String> last = Optional.empty();
        for (JournalLine line : servicenow.journal(TABLE, changeSysId)) {
            if (line.isWorkNote() && servicenow.isIntegrationUser(line.createdBy())) {
                Optional<String> noted = GateDecisionText.fingerprintIn(line.value());
                if (noted.isPresent()) {
                    last = noted; // oldest first: the last one found is the newest
                }
            }
        }
        return last;
    }

    /**
     * A 404 or 403 means the account may not see or write the change (ServiceNow answers a record an ACL hides as
     * missing): asking again changes nothing, so the answer is skipped with ServiceNow's words. Anything else is
     * the inbox's to judge.
     */
    private Optional<Written> refused(RemoteCallException e, String what, String number, String sysId) {
        int status = e.status().orElse(0);
        if (status != 404 && status != 403) {
            return Optional.empty();
        }
        return Optional.of(new Written(Outcome.SKIPPED, sysId, "ServiceNow refused to let " + account() + " " + what
                + " change " + number + " (" + status + (status == 404 ? ": not there, or an ACL hides it" : "")
                + "): " + e.getMessage() + "; nothing written"));
    }

    private String account() {
        return servicenow.integrationUser().orElse("the integration account");
    }
}
