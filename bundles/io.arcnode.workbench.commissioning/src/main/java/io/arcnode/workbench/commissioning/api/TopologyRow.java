package io.arcnode.workbench.commissioning.api;

import java.util.UUID;

/**
 * One device of the topology table.
 *
 * @param deviceUuid  the device
 * @param description its description
 * @param deviceType  its type
 * @param moduleId    the module it belongs to
 * @param protocol    the protocol's JSON name ({@code modbus_tcp})
 * @param host        the host ("" when not connected)
 * @param port        the port
 * @param status      the adapter's status on the gateway, {@code NOT CONNECTED} for a blank host, {@code -} when the
 *                    gateway runs no adapter for it (or is not asked)
 * @param lastReading the device's newest reading ({@code soc = 42.0 % GOOD at 10:00:01Z}), "" when none
 */
public record TopologyRow(UUID deviceUuid, String description, String deviceType, String moduleId, String protocol,
                          String host, int port, String status, String lastReading) {
}
