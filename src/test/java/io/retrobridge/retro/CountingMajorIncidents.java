package io.retrobridge.retro;

import io.retrobridge.sync.MajorIncidents;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Major incidents by change sys_id, remembering which changes were asked about. */
final class CountingMajorIncidents implements MajorIncidents {

    final Map<String, List<String>> incidents = new HashMap<>();
    final List<String> askedAbout = new ArrayList<>();

    @Override
    public List<String> linkedTo(String changeSysId) {
        askedAbout.add(changeSysId);
        return incidents.getOrDefault(changeSysId, List.of());
    }
}
