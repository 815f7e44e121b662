package io.arcnode.workbench.commissioning.api;

import io.arcnode.api.dtm.Device;
import io.arcnode.api.dtm.Dtm;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Inline edits of a device's connection in the topology table: the checks of what is typed, and the DTM with the
 * edit applied. The port rule is the DTM's ({@code port} in 1..65535, spec 002); a blank host is allowed and means
 * "not connected" (the gateway then stops polling the device, its README's decision).
 */
public final class ConnectionEdits {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private ConnectionEdits() {
    }

    /**
     * @return the problem with {@code host} in words, or {@code null} when it is blank, an IPv4 or IPv6 address or
     *         a host name (RFC 1123 labels, at most 253 characters); no name is looked up
     */
    public static String checkHost(String host) {
        String h = host == null ? "" : host.strip();
        if (h.isEmpty()) {
            return null;
        }
        if (h.length() > 253) {
            return "host: at most 253 characters";
        }
        if (IPV4.matcher(h).matches()) {
            for (String part : h.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return "host: '" + h + "' is no IPv4 address (each part 0..255)";
                }
            }
            return null;
        }
        if (h.indexOf(':') >= 0) {
            return ipv6(h) ? null : "host: '" + h + "' is no IPv6 address";
        }
        for (String label : h.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return "host: '" + h + "' is no host name (letters, digits and '-' between dots)";
            }
        }
        return null;
    }

    /** @return whether {@code h} is an IPv6 literal: 8 groups of 1-4 hex digits, one {@code ::} for zero groups */
    static boolean ipv6(String h) {
        if (!IPV6.matcher(h).matches()) {
            return false;
        }
        int gap = h.indexOf("::");
        if (gap >= 0 && h.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        String[] parts = gap >= 0 ? new String[] {h.substring(0, gap), h.substring(gap + 2)} : new String[] {h};
        int groups = 0;
        for (int p = 0; p < parts.length; p++) {
            if (parts[p].isEmpty()) {
                continue;
            }
            String[] g = parts[p].split(":", -1);
            for (int i = 0; i < g.length; i++) {
                boolean last = p == parts.length - 1 && i == g.length - 1;
                if (last && g[i].contains(".")) {
                    if (!IPV4.matcher(g[i]).matches() || java.util.Arrays.stream(g[i].split("\\."))
                            .anyMatch(x -> Integer.parseInt(x) > 255)) {
                        return false;
                    }
                    groups += 2; // an embedded IPv4 address is two groups
                } else if (g[i].isEmpty() || g[i].length() > 4 || !g[i].chars().allMatch(c -> Character.digit(c, 16)
                        >= 0)) {
                    return false;
                } else {
                    groups++;
                }
            }
        }
        return gap >= 0 ? groups < 8 : groups == 8;
    }

    /** @return the problem with {@code port} in words, or {@code null} when it is a whole number in 1..65535 */
    public static String checkPort(String port) {
        String p = port == null ? "" : port.strip();
        int value;
        try {
            value = Integer.parseInt(p);
        } catch (NumberFormatException e) {
            return "port: must be a whole number from 1 to 65535";
        }
        return value < 1 || value > 65535 ? "port: must be from 1 to 65535 (ge=1, le=65535)" : null;
    }

    /**
     * @return {@code dtm} with device {@code deviceUuid} at {@code host}:{@code port}
     * @throws IllegalArgumentException when the device is not in the DTM or a check fails
     */
    public static Dtm withConnection(Dtm dtm, UUID deviceUuid, String host, int port) {
        String problem = checkHost(host);
        if (problem == null) {
            problem = checkPort(Integer.toString(port));
        }
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        List<Device> devices = new ArrayList<>();
        boolean found = false;
        for (Device d : dtm.devices()) {
            if (d.deviceUuid().equals(deviceUuid)) {
                found = true;
                devices.add(new Device(d.deviceUuid(), d.deviceType(), d.moduleId(), host == null ? "" : host.strip(),
                        port, d.protocolConfig(), d.description()));
            } else {
                devices.add(d);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("device " + deviceUuid + " is not in the topology");
        }
        return new Dtm(dtm.deploymentUuid(), dtm.emsMode(), dtm.sizingParams(), dtm.modules(), devices);
    }
}
