package io.retrobridge.monitoring.alertmanager;

import java.util.List;
import java.util.Map;

/**
 * One webhook notification from Alertmanager (payload version 4), as read and checked by {@link NotificationReader}:
 * every value here is plain one-line text within the lengths the store keeps.
 *
 * @param groupKey        the notification group it is about
 * @param status          {@code firing} or {@code resolved}: whether any alert of the group still fires
 * @param receiver        the receiver that sent it; null when absent
 * @param truncatedAlerts how many alerts the receiver's max_alerts left out (0 when none or absent)
 * @param commonLabels    the labels every alert of the notification carries
 * @param alerts          the alerts it carries, in the order sent
 */
record AlertmanagerNotification(String groupKey, String status, String receiver, long truncatedAlerts,
                                Map<String, String> commonLabels, List<NotifiedAlert> alerts) {

    AlertmanagerNotification {
        commonLabels = Map.copyOf(commonLabels);
        alerts = List.copyOf(alerts);
    }
}
