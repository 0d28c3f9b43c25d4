package io.retrobridge.sync;

import java.util.List;

/** The major incidents a change request is linked to, as the system that holds incidents records them. */
public interface MajorIncidents {

    /**
     * The numbers of the accepted major incidents that the change caused or that were raised against it, oldest
     * first; empty when there are none.
     *
     * @param changeSysId the change request's sys_id (incidents reference it by that)
     */
    List<String> linkedTo(String changeSysId);
}
