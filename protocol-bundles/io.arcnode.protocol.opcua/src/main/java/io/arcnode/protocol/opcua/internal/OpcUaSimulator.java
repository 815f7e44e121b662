package io.arcnode.protocol.opcua.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.LongToDoubleFunction;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.api.DataItem;
import org.eclipse.milo.opcua.sdk.server.api.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.api.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.api.config.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.Identifiers;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.server.EndpointConfiguration;
import org.eclipse.milo.opcua.stack.server.security.ServerCertificateValidator;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

/**
 * A real OPC UA server (Milo) on the loopback address for SIM mode, the demo stage and tests. It serves a point map
 * of Double variables whose values, status codes and source timestamps are a deterministic function of a tick
 * counter: {@link #tick()} advances it by one (tests), {@link #tickEvery(long)} on a timer (SIM mode); source
 * timestamps come from the injected clock. Endpoints: security None, and Basic256Sha256 with Sign and with
 * SignAndEncrypt, anonymous identity, on one path. Any client certificate is accepted (it is a simulator) and
 * remembered ({@link #clientCertificates()}). {@link #stop()} and {@link #restart()} take the server away and
 * bring it back on the same port with the same certificate and values, as a restarted device would (its
 * subscriptions are gone).
 * <p>
 * Nodes of namespace index 2 and above are served, each index by its own namespace; lower indexes are the server's
 * own (e.g. {@code ns=0;i=2258}, the current time) and are not simulated.
 */
public final class OpcUaSimulator implements AutoCloseable {

    /** Application URI of the simulator, also in its certificate. */
    public static final String APPLICATION_URI = "urn:arcnode:opcua-simulator";

    /**
     * One simulated variable.
     *
     * @param nodeId      its node id (namespace index 2 or above)
     * @param value       value as a function of the tick
     * @param status      status code as a function of the tick
     * @param sourceTime  whether values carry a source timestamp
     */
    public record SimPoint(NodeId nodeId, LongToDoubleFunction value, LongFunction<StatusCode> status,
            boolean sourceTime) {

        /** @return a point with status Good and a source timestamp */
        public static SimPoint of(NodeId nodeId, LongToDoubleFunction value) {
            return new SimPoint(nodeId, value, t -> StatusCode.GOOD, true);
        }

        /**
         * @return a point whose value moves deterministically: a triangle wave of period 20 ticks around
         *         {@code 100 + index}, status Good
         */
        public static SimPoint wave(NodeId nodeId, int index) {
            return of(nodeId, t -> 100 + (index % 100) + Math.abs((t + index) % 20 - 10));
        }
    }

    private final String path;
    private final int port;
    private final List<SimPoint> points;
    private final Clock clock;
    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private final Path serverPki;
    private final AtomicLong tick = new AtomicLong();
    private final List<X509Certificate> clientCertificates = new CopyOnWriteArrayList<>();
    private final List<SimNamespace> namespaces = new ArrayList<>();
    private OpcUaServer server;
    private DefaultTrustListManager trustList;
    private ScheduledExecutorService ticker;

    private OpcUaSimulator(int port, String path, List<SimPoint> points, Clock clock) throws IOException {
        this.port = port;
        this.path = path.startsWith("/") ? path : "/" + path;
        this.points = List.copyOf(points);
        this.clock = clock;
        for (SimPoint p : this.points) {
            if (p.nodeId().getNamespaceIndex().intValue() < 2) {
                throw new IllegalArgumentException(p.nodeId().toParseableString()
                        + ": the simulator serves namespace index 2 and above");
            }
        }
        try {
            keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
            certificate = new SelfSignedCertificateBuilder(keyPair)
                    .setCommonName("ArcNode OPC UA simulator")
                    .setOrganization("ArcNode")
                    .setApplicationUri(APPLICATION_URI)
                    .addDnsName("localhost")
                    .addIpAddress("127.0.0.1")
                    .setValidityPeriod(Period.ofYears(10))
                    .build();
        } catch (Exception e) {
            throw new IOException("cannot create the simulator certificate: " + e.getMessage(), e);
        }
        serverPki = Files.createTempDirectory("arcnode-opcua-sim-pki");
    }

    /**
     * Starts a simulator on 127.0.0.1.
     *
     * @param port   TCP port, 0 for a free one (see {@link #port()})
     * @param path   endpoint path, e.g. {@code /arcnode}
     * @param points the point map
     * @param clock  source of the source timestamps
     * @throws IOException when the server cannot start (port taken)
     */
    public static OpcUaSimulator start(int port, String path, List<SimPoint> points, Clock clock) throws IOException {
        OpcUaSimulator sim = new OpcUaSimulator(port == 0 ? freePort() : port, path, points, clock);
        try {
            sim.restart();
        } catch (IOException | RuntimeException e) {
            sim.close();
            throw e;
        }
        return sim;
    }

    /** @return a simulator on the settings' port and endpoint path serving a {@link SimPoint#wave} per item */
    public static OpcUaSimulator forSettings(OpcUaSettings settings, Clock clock) throws IOException {
        Set<NodeId> nodes = new LinkedHashSet<>();
        for (OpcUaSettings.Item item : settings.items()) {
            if (item.nodeId().getNamespaceIndex().intValue() >= 2) {
                nodes.add(item.nodeId());
            }
        }
        List<SimPoint> sim = new ArrayList<>();
        int i = 0;
        for (NodeId n : nodes) {
            sim.add(SimPoint.wave(n, i++));
        }
        String p = URI.create(settings.endpointUrl()).getPath();
        return start(settings.port(), p == null || p.isEmpty() ? "/" : p, sim, clock);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** @return the TCP port */
    public int port() {
        return port;
    }

    /** @return the endpoint URL, {@code opc.tcp://127.0.0.1:<port><path>} */
    public String endpointUrl() {
        return "opc.tcp://127.0.0.1:" + port + path;
    }

    /** @return the current tick */
    public long currentTick() {
        return tick.get();
    }

    /** @return the server's certificate */
    public X509Certificate certificate() {
        return certificate;
    }

    /** @return client certificates presented so far, in order (secure channels only) */
    public List<X509Certificate> clientCertificates() {
        return List.copyOf(clientCertificates);
    }

    /** Advances the tick by one and updates every value. */
    public synchronized void tick() {
        writeValues(tick.incrementAndGet());
    }

    /** Advances the tick every {@code periodMs} ms on a timer owned by the simulator, until {@link #close()}. */
    public synchronized void tickEvery(long periodMs) {
        if (ticker == null) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "opcua-sim-tick-" + port);
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::tick, periodMs, periodMs, TimeUnit.MILLISECONDS);
        }
    }

    /** Shuts the server down (connections close, the port is free); the values and the tick stay. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        for (SimNamespace ns : namespaces) {
            ns.shutdown();
        }
        namespaces.clear();
        try {
            server.shutdown().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // shutting down anyway
        }
        server = null;
        closeTrustList();
    }

    private void closeTrustList() {
        try {
            if (trustList != null) {
                trustList.close(); // ends its folder watcher thread
            }
        } catch (IOException e) {
            // closing anyway
        }
        trustList = null;
    }

    /**
     * Starts the server (again) on the same port with the same certificate, serving the current tick's values.
     *
     * @throws IOException when it cannot bind the port
     */
    public synchronized void restart() throws IOException {
        if (server != null) {
            return;
        }
        trustList = new DefaultTrustListManager(serverPki.toFile());
        OpcUaServer s = new OpcUaServer(serverConfig());
        Map<Integer, List<SimPoint>> byIndex = new TreeMap<>();
        int max = 2;
        for (SimPoint p : points) {
            int index = p.nodeId().getNamespaceIndex().intValue();
            byIndex.computeIfAbsent(index, k -> new ArrayList<>()).add(p);
            max = Math.max(max, index);
        }
        // namespace indexes are given in order of registration, starting at 2
        for (int index = 2; index <= max; index++) {
            SimNamespace ns = new SimNamespace(s, "urn:arcnode:opcua-simulator:ns" + index,
                    byIndex.getOrDefault(index, List.of()));
            ns.startup();
            namespaces.add(ns);
        }
        try {
            s.startup().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting", e);
        } catch (ExecutionException | TimeoutException e) {
            s.shutdown();
            namespaces.forEach(SimNamespace::shutdown);
            namespaces.clear();
            closeTrustList();
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException("cannot start the OPC UA simulator on port " + port + ": " + cause.getMessage(),
                    cause);
        }
        server = s;
        writeValues(tick.get());
    }

    private OpcUaServerConfig serverConfig() throws IOException {
        EndpointConfiguration.Builder base = EndpointConfiguration.newBuilder()
                .setBindAddress("127.0.0.1")
                .setHostname("127.0.0.1")
                .setBindPort(port)
                .setPath(path)
                .setCertificate(certificate)
                .addTokenPolicies(OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS);
        Set<EndpointConfiguration> endpoints = new LinkedHashSet<>();
        endpoints.add(base.copy().setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None)
                .build());
        endpoints.add(base.copy().setSecurityPolicy(SecurityPolicy.Basic256Sha256)
                .setSecurityMode(MessageSecurityMode.Sign).build());
        endpoints.add(base.copy().setSecurityPolicy(SecurityPolicy.Basic256Sha256)
                .setSecurityMode(MessageSecurityMode.SignAndEncrypt).build());
        return OpcUaServerConfig.builder()
                .setApplicationUri(APPLICATION_URI)
                .setApplicationName(LocalizedText.english("ArcNode OPC UA simulator"))
                .setProductUri("urn:arcnode:opcua-simulator")
                .setBuildInfo(new BuildInfo("urn:arcnode:opcua-simulator", "ArcNode", "ArcNode OPC UA simulator",
                        OpcUaServer.SDK_VERSION, "", DateTime.NULL_VALUE))
                .setEndpoints(endpoints)
                .setCertificateManager(new DefaultCertificateManager(keyPair, certificate))
                .setTrustListManager(trustList)
                .setCertificateValidator(new AcceptingValidator())
                .setIdentityValidator(AnonymousIdentityValidator.INSTANCE)
                .build();
    }

    private synchronized void writeValues(long t) {
        DateTime now = new DateTime(clock.instant());
        for (SimNamespace ns : namespaces) {
            ns.write(t, now);
        }
    }

    /** Stops the server and the ticker and removes the server's trust folder. */
    @Override
    public void close() {
        synchronized (this) {
            if (ticker != null) {
                ticker.shutdownNow();
            }
        }
        stop();
        try (Stream<Path> files = Files.walk(serverPki)) {
            for (Path f : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // a temporary folder: left behind at worst
        }
    }

    /** Accepts every client certificate and remembers it. */
    private final class AcceptingValidator implements ServerCertificateValidator {
        @Override
        public void validateCertificateChain(List<X509Certificate> chain) {
            if (chain != null && !chain.isEmpty()) {
                clientCertificates.add(chain.get(0));
            }
        }

        @Override
        public void validateCertificateChain(List<X509Certificate> chain, String applicationUri) {
            validateCertificateChain(chain);
        }
    }

    /** The variables of one namespace index, sampled by Milo's subscription model. */
    private static final class SimNamespace extends ManagedNamespaceWithLifecycle {
        private final SubscriptionModel model;
        private final List<SimPoint> points;
        private final List<UaVariableNode> nodes = new ArrayList<>();

        SimNamespace(OpcUaServer server, String uri, List<SimPoint> points) {
            super(server, uri);
            this.points = points;
            this.model = new SubscriptionModel(server, this);
            getLifecycleManager().addLifecycle(model);
            getLifecycleManager().addStartupTask(this::createNodes);
        }

        private void createNodes() {
            for (SimPoint p : points) {
                String name = p.nodeId().getIdentifier().toString();
                UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
                        .setNodeId(p.nodeId())
                        .setBrowseName(newQualifiedName(name))
                        .setDisplayName(LocalizedText.english(name))
                        .setDataType(Identifiers.Double)
                        .setTypeDefinition(Identifiers.BaseDataVariableType)
                        .setAccessLevel(AccessLevel.CurrentRead)
                        .setUserAccessLevel(AccessLevel.CurrentRead)
                        .build();
                getNodeManager().addNode(node);
                // browsable from the Objects folder, for a person looking with a generic client
                node.addReference(new Reference(node.getNodeId(), Identifiers.Organizes,
                        Identifiers.ObjectsFolder.expanded(), false));
                nodes.add(node);
            }
        }

        void write(long t, DateTime now) {
            for (int i = 0; i < nodes.size(); i++) {
                SimPoint p = points.get(i);
                nodes.get(i).setValue(new DataValue(new Variant(p.value().applyAsDouble(t)), p.status().apply(t),
                        p.sourceTime() ? now : null, now));
            }
        }

        @Override
        public void onDataItemsCreated(List<DataItem> items) {
            model.onDataItemsCreated(items);
        }

        @Override
        public void onDataItemsModified(List<DataItem> items) {
            model.onDataItemsModified(items);
        }

        @Override
        public void onDataItemsDeleted(List<DataItem> items) {
            model.onDataItemsDeleted(items);
        }

        @Override
        public void onMonitoringModeChanged(List<MonitoredItem> items) {
            model.onMonitoringModeChanged(items);
        }
    }
}
