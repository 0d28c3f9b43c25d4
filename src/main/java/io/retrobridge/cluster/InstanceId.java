package io.retrobridge.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.Function;

/** This instance's name in the election: as set, else the container's or pod's HOSTNAME, else host and port. */
final class InstanceId {

    private InstanceId() {
    }

    static String resolve(ClusterProperties settings, Function<String, String> environment, String serverPort) {
        if (settings.instanceId() != null && !settings.instanceId().isBlank()) {
            return settings.instanceId().strip();
        }
        String hostname = environment.apply("HOSTNAME");
        if (hostname != null && !hostname.isBlank()) {
            return hostname.strip();
        }
        return localHostName() + ":" + (serverPort == null || serverPort.isBlank() ? "8080" : serverPort);
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
