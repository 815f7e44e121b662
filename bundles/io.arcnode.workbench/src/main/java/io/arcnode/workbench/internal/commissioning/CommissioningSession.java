package io.arcnode.workbench.internal.commissioning;

import io.arcnode.api.dtm.Dtm;
import io.arcnode.api.dtm.Dtms;
import io.arcnode.workbench.commissioning.api.ConnectionEdits;
import io.arcnode.workbench.commissioning.api.DtmDiff;
import io.arcnode.workbench.commissioning.api.GatewayAlarm;
import io.arcnode.workbench.commissioning.api.GatewayClient;
import io.arcnode.workbench.commissioning.api.GatewayConnection;
import io.arcnode.workbench.commissioning.api.GatewayConnections;
import io.arcnode.workbench.commissioning.api.GatewayException;
import io.arcnode.workbench.commissioning.api.GatewayPoller;
import io.arcnode.workbench.commissioning.api.GatewayTopology;
import io.arcnode.workbench.commissioning.api.TrendWindow;
import io.arcnode.workbench.internal.WorkbenchSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;

/**
 * The state of the Commissioning perspective, shared by its parts (in the application context): the connections,
 * the connected gateway and its poller, the gateway's applied topology, the engineer's pending edits, the design
 * DTM to compare with, the trend samples and the latest poll. Its fields are touched on the UI thread only; every
 * request to the gateway runs in a job or on the poller's thread, and the results come back through
 * {@link UISynchronize}, followed by a {@link CommissioningEvents} event.
 */
public final class CommissioningSession {

    private final GatewayConnections connections;
    private final IEventBroker broker;
    private final UISynchronize sync;
    private GatewayConnection connection;
    private GatewayClient client;
    private GatewayPoller poller;
    private GatewayPoller.Poll lastPoll;
    private GatewayTopology applied;
    private boolean topologyKnown;
    /** A topology read is under way: polls do not start another. */
    private boolean reloading;
    /** The last read was refused (not offline): only Reload tries again, so no dialog per poll. */
    private boolean topologyFailed;
    /** An apply is under way: Apply is disabled until its answer. */
    private boolean applying;
    private Dtm pending;
    private Dtm design;
    private Path designFile;
    private String lastResult = "";
    private TrendWindow trend = new TrendWindow();

    CommissioningSession(GatewayConnections connections, IEventBroker broker, UISynchronize sync) {
        this.connections = connections;
        this.broker = broker;
        this.sync = sync;
    }

    /** @return the store of connections */
    public GatewayConnections connections() {
        return connections;
    }

    /** @return the connected gateway, null before one is chosen */
    public GatewayConnection connection() {
        return connection;
    }

    /** @return the newest poll, null before the first */
    public GatewayPoller.Poll lastPoll() {
        return lastPoll;
    }

    /** @return the gateway's applied topology, null when it has none or it is not known yet */
    public GatewayTopology applied() {
        return applied;
    }

    /** @return whether the gateway said what its topology is (it may have none) */
    public boolean topologyKnown() {
        return topologyKnown;
    }

    /** @return the topology with the engineer's edits; what Apply posts; null when there is nothing to show */
    public Dtm pending() {
        return pending;
    }

    /** @return the design DTM to compare with, null when none is chosen */
    public Dtm design() {
        return design;
    }

    /** @return the design's file */
    public Path designFile() {
        return designFile;
    }

    /** @return the result of the last apply, "" before one */
    public String lastResult() {
        return lastResult;
    }

    /** @return the trend samples */
    public TrendWindow trend() {
        return trend;
    }

    /** @return the name the gateway records for operator actions: the connection's user, else the OS user */
    public String operator() {
        return connection != null && !connection.user().isEmpty() ? connection.user()
                : System.getProperty("user.name", "workbench");
    }

    /** Connects to {@code c}: a new poller, the topology read in a job; null disconnects. */
    public void connect(GatewayConnection c) {
        disconnect();
        connection = c;
        if (c != null) {
            try {
                client = connections.client(c, GatewayClient.DEFAULT_TIMEOUT);
            } catch (IOException e) {
                connection = null;
                error("Gateway connection", "The password of " + c.name() + " cannot be read: " + e.getMessage(), e);
                broker.send(CommissioningEvents.CONNECTION, this);
                return;
            }
            GatewayClient polled = client;
            poller = new GatewayPoller(client, p -> sync.asyncExec(() -> polled(polled, p)));
            poller.start(Duration.ofSeconds(WorkbenchSettings.refreshSeconds()));
            reloadTopology();
        }
        broker.send(CommissioningEvents.CONNECTION, this);
        broker.send(CommissioningEvents.TOPOLOGY, this);
    }

    private void disconnect() {
        if (poller != null) {
            poller.close();
        }
        poller = null;
        client = null;
        connection = null;
        lastPoll = null;
        applied = null;
        topologyKnown = false;
        reloading = false;
        topologyFailed = false;
        applying = false;
        pending = null;
        lastResult = "";
        trend = new TrendWindow();
    }

    private void polled(GatewayClient from, GatewayPoller.Poll p) {
        if (from != client) {
            return; // a poll of the previous connection, still in flight when it was replaced
        }
        lastPoll = p;
        if (p.live() != null) {
            trend.offer(p.live());
        }
        if (p.online() && !topologyKnown && !reloading && !topologyFailed) {
            reloadTopology(); // back online: the topology was not read yet
        }
        broker.send(CommissioningEvents.POLL, this);
    }

    /** Reads the gateway's topology in a job; the engineer's edits are replaced by it. */
    public void reloadTopology() {
        GatewayClient c = client;
        if (c == null || reloading) {
            return;
        }
        reloading = true;
        topologyFailed = false;
        Job job = Job.create("Reading the topology of " + c.connection().name(), monitor -> {
            java.util.Optional<GatewayTopology> t;
            try {
                t = c.topology();
            } catch (GatewayException e) {
                sync.asyncExec(() -> {
                    if (c == client) {
                        reloading = false;
                        if (!e.offline()) {
                            topologyFailed = true; // shown once; Reload tries again
                            error("Gateway topology", e.getMessage(), e);
                        }
                        // offline: the gateway panel says so; the topology is read again when it answers
                    }
                });
                return Status.OK_STATUS;
            }
            sync.asyncExec(() -> {
                if (c == client) {
                    reloading = false;
                    applied = t.orElse(null);
                    topologyKnown = true;
                    pending = applied != null ? applied.dtm() : design;
                    broker.send(CommissioningEvents.TOPOLOGY, this);
                }
            });
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    /**
     * Changes a device's host or port in the pending topology; the other one stays as it is there now.
     *
     * @param host the new host, null to keep it
     * @param port the new port, null to keep it
     * @throws IllegalArgumentException with the rule when host or port is invalid
     */
    public void edit(UUID device, String host, Integer port) {
        io.arcnode.api.dtm.Device now = pending.devices().stream().filter(d -> d.deviceUuid().equals(device))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("device " + device
                        + " is not in the topology"));
        pending = ConnectionEdits.withConnection(pending, device, host != null ? host : now.host(),
                port != null ? port : now.port());
        broker.send(CommissioningEvents.TOPOLOGY, this);
    }

    /** Chooses the design DTM ({@code dtm.json} of an EDP revision); null clears it. */
    public void design(Path dtmJson) {
        if (dtmJson == null) {
            design = null;
            designFile = null;
        } else {
            try {
                design = Dtms.parse(Files.readString(dtmJson));
                designFile = dtmJson;
            } catch (IOException | RuntimeException e) {
                error("Design DTM", dtmJson + ": " + e.getMessage(), e);
                return;
            }
        }
        if (pending == null && topologyKnown && applied == null) {
            pending = design;
        }
        broker.send(CommissioningEvents.TOPOLOGY, this);
    }

    /** Replaces the pending topology by the design (for a gateway without one, or to start over). */
    public void useDesign() {
        if (design != null) {
            pending = design;
            broker.send(CommissioningEvents.TOPOLOGY, this);
        }
    }

    /** @return what Apply would change on the gateway */
    public List<DtmDiff.Difference> pendingChanges() {
        if (pending == null) {
            return List.of();
        }
        Dtm current = applied != null ? applied.dtm() : new Dtm(null, null, null, List.of(), List.of());
        return DtmDiff.compare(current, pending);
    }

    /** @return whether Apply makes sense: connected, topology known, changes pending */
    public boolean canApply() {
        return client != null && topologyKnown && !applying && !pendingChanges().isEmpty();
    }

    /** Posts the pending topology in a job; the result and the new version come back as a TOPOLOGY event. */
    public void apply() {
        GatewayClient c = client;
        Dtm dtm = pending;
        if (c == null || dtm == null || applying) {
            return;
        }
        applying = true;
        broker.send(CommissioningEvents.TOPOLOGY, this); // Apply disabled until the answer
        Job job = Job.create("Applying the topology to " + c.connection().name(), monitor -> {
            try {
                GatewayTopology result = c.apply(dtm);
                sync.asyncExec(() -> {
                    if (c == client) {
                        applying = false;
                        applied = result;
                        topologyKnown = true;
                        pending = result.dtm();
                        lastResult = "Applied: " + result.describe();
                        broker.send(CommissioningEvents.TOPOLOGY, this);
                        poller.pollNow();
                    }
                });
            } catch (GatewayException e) {
                sync.asyncExec(() -> {
                    if (c != client) {
                        return;
                    }
                    applying = false;
                    lastResult = "Not applied: " + firstLine(e.getMessage());
                    broker.send(CommissioningEvents.TOPOLOGY, this);
                    error("Apply Topology", e.getMessage(), e);
                });
            }
            return Status.OK_STATUS;
        });
        job.schedule();
    }

    /** What an operator does with an alarm. */
    enum AlarmAction { ACKNOWLEDGE, SUPPRESS, UNSUPPRESS }

    /** Sends an operator action on {@code alarm} in a job; the next poll shows the new state. */
    public void act(GatewayAlarm alarm, AlarmAction action, String comment) {
        GatewayClient c = client;
        if (c == null) {
            return;
        }
        String by = operator();
        Job job = Job.create(action + " " + alarm.id(), monitor -> {
            try {
                switch (action) {
                    case ACKNOWLEDGE -> c.acknowledge(alarm.id(), by, comment);
                    case SUPPRESS -> c.suppress(alarm.id(), by, comment);
                    case UNSUPPRESS -> c.unsuppress(alarm.id(), by, comment);
                    default -> throw new IllegalStateException(action.toString());
                }
                sync.asyncExec(() -> {
                    if (c == client) {
                        poller.pollNow();
                    }
                });
            } catch (GatewayException e) {
                sync.asyncExec(() -> error("Alarm " + alarm.id(), e.getMessage(), e));
            }
            return Status.OK_STATUS;
        });
        job.schedule();
    }

    /** Stops polling (the workbench closes). */
    void close() {
        disconnect();
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
    }

    /** Shows {@code message} in a dialog and writes it to the workbench log (the Error Log view). */
    static void error(String title, String message, Throwable e) {
        ILog.of(CommissioningSession.class).error(title + ": " + message, e);
        Display d = Display.getCurrent();
        if (d != null && d.getActiveShell() != null) {
            MessageDialog.openError(d.getActiveShell(), title, message);
        } else if (d != null && d.getShells().length > 0) {
            MessageDialog.openError(d.getShells()[0], title, message);
        }
    }
}
