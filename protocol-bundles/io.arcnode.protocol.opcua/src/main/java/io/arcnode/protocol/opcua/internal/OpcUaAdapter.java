package io.arcnode.protocol.opcua.internal;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.arcnode.api.adapter.Adapter;
import io.arcnode.api.adapter.AdapterHealth;
import io.arcnode.api.adapter.AdapterLoop;
import io.arcnode.api.adapter.AdapterStatus;
import io.arcnode.api.adapter.MeasurementSink;
import io.arcnode.api.adapter.Normalizer;
import io.arcnode.api.telemetry.Quality;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.api.UaSession;
import org.eclipse.milo.opcua.sdk.client.api.config.OpcUaClientConfig;
import org.eclipse.milo.opcua.sdk.client.api.config.OpcUaClientConfigBuilder;
import org.eclipse.milo.opcua.sdk.client.api.subscriptions.UaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.api.subscriptions.UaSubscription;
import org.eclipse.milo.opcua.sdk.client.api.subscriptions.UaSubscriptionManager;
import org.eclipse.milo.opcua.stack.client.DiscoveryClient;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DataChangeTrigger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MonitoringMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.DataChangeFilter;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.MonitoredItemCreateRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.MonitoringParameters;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OPC UA client session (Milo) with one subscription holding the monitored items of its
 * {@link OpcUaSettings}. Values arrive as data change notifications; each becomes a measurement with the source
 * timestamp as {@code device_time} and the status code as quality.
 * <p>
 * Connecting (discovery, session, subscription) runs on the adapter's own single thread; a failed attempt sets
 * {@code DEGRADED} with the reason (the OPC UA status code where there is one) and is retried after an exponential
 * backoff. Once connected, Milo's session state machine reconnects by itself when the server goes away and
 * transfers the subscription to the new session; when the server cannot transfer it (it was restarted), the
 * subscription is created again. Every change of status is logged once.
 */
public final class OpcUaAdapter implements Adapter {

    /** Adapter version put into every measurement's metadata. */
    public static final String VERSION = "1.0.0";

    private static final Logger LOG = LoggerFactory.getLogger(OpcUaAdapter.class);

    private record State(AdapterStatus status, String reason) {}

    private final OpcUaSettings settings;
    private final MeasurementSink sink;
    private final Normalizer normalizer;
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong measurements = new AtomicLong();
    /** Problems of single items (rejected by the server, not numeric), by item key; sorted for a stable reason. */
    private final Map<String, String> itemProblems = new ConcurrentSkipListMap<>();
    private volatile State state = new State(AdapterStatus.DEGRADED, "not connected yet");
    private volatile Instant lastReadingAt;
    /** Set once the first connect succeeded: from then on Milo reconnects, and these listeners track it. */
    private volatile boolean connected;
    private volatile boolean sessionActive;
    private volatile String lastFailure;
    private final AdapterLoop loop;
    private volatile OpcUaClient client;
    private volatile UaSubscription subscription;
    private ClientPki.Identity identity;
    private int failedConnects;

    /**
     * @param settings validated settings
     * @param sink     where measurements go
     * @param clock    gateway clock
     */
    public OpcUaAdapter(OpcUaSettings settings, MeasurementSink sink, Clock clock) {
        this.settings = settings;
        this.sink = sink;
        this.normalizer = new Normalizer(clock, Map.of("adapter_id", settings.adapterId(), "adapter_version", VERSION));
        this.loop = new AdapterLoop("opcua-" + settings.adapterId());
    }

    @Override
    public String id() {
        return settings.adapterId();
    }

    @Override
    public void start() {
        loop.start(this::connect);
    }

    @Override
    public void stop() {
        if (loop.stop(settings.requestTimeout().multipliedBy(2).plusSeconds(1))) {
            disconnect();
        }
    }

    @Override
    public AdapterHealth health() {
        State s = state;
        return new AdapterHealth(settings.adapterId(), s.status(), s.reason(), lastReadingAt, reads.get(),
                errors.get(), measurements.get());
    }

    /** @return the delay after the {@code failures}-th failed connect in a row (1, 2, ...): initial, doubled, capped */
    static Duration backoff(OpcUaSettings s, int failures) {
        long ms = s.backoffInitial().toMillis() << Math.min(Math.max(failures, 1) - 1, 20);
        return Duration.ofMillis(Math.min(ms, s.backoffMax().toMillis()));
    }

    private void connect() {
        try {
            if (identity == null && settings.security() != OpcUaSettings.Security.NONE) {
                identity = ClientPki.loadOrCreate(settings.pkiDir());
            }
            OpcUaClient c = OpcUaClient.create(clientConfig(selectEndpoint()));
            c.addSessionActivityListener(new SessionListener());
            c.getSubscriptionManager().addSubscriptionListener(new SubscriptionListener());
            client = c;
            await(c.connect());
            subscribe(c);
            failedConnects = 0;
            sessionActive = true;
            connected = true;
            updateState();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            errors.incrementAndGet();
            disconnect();
            if (loop.stopped()) {
                return;
            }
            failedConnects++;
            Duration next = backoff(settings, failedConnects);
            setState(AdapterStatus.DEGRADED, "cannot connect to " + settings.endpointUrl() + ": " + describe(e)
                    + "; next attempt in " + next.toMillis() + " ms");
            schedule(this::connect, next);
        }
    }

    private EndpointDescription selectEndpoint() throws Exception {
        List<EndpointDescription> endpoints = await(DiscoveryClient.getEndpoints(settings.endpointUrl(),
                b -> b.setRequestTimeout(uint(settings.requestTimeout().toMillis()))));
        String policy = settings.security().policy().getUri();
        for (EndpointDescription e : endpoints) {
            if (policy.equals(e.getSecurityPolicyUri()) && e.getSecurityMode() == settings.mode().milo()) {
                // the server may advertise a host name the gateway cannot resolve: connect where configured
                return EndpointUtil.updateUrl(e, settings.host(), settings.port());
            }
        }
        throw new UaException(StatusCodes.Bad_SecurityPolicyRejected, "the server offers no endpoint with "
                + "security_policy " + OpcUaSettings.key(settings.security()) + " and message_security_mode "
                + OpcUaSettings.key(settings.mode()) + "; it offers " + endpoints.stream()
                        .map(e -> e.getSecurityPolicyUri().replaceAll(".*#", "") + "/" + e.getSecurityMode())
                        .distinct().collect(Collectors.joining(", ")));
    }

    private OpcUaClientConfig clientConfig(EndpointDescription endpoint) {
        OpcUaClientConfigBuilder b = OpcUaClientConfig.builder()
                .setApplicationName(LocalizedText.english("ArcNode gateway"))
                .setApplicationUri(identity != null ? identity.applicationUri() : "urn:arcnode:gateway:opcua-client")
                .setProductUri("urn:arcnode:gateway")
                .setEndpoint(endpoint)
                .setRequestTimeout(uint(settings.requestTimeout().toMillis()))
                .setConnectTimeout(uint(settings.requestTimeout().toMillis()))
                .setCertificateValidator(new ServerTrust(settings.serverTrust(), settings.pkiDir(), settings.host(),
                        settings.port()));
        if (identity != null) {
            b.setKeyPair(identity.keyPair()).setCertificate(identity.certificate());
        }
        return b.build();
    }

    /** Creates the subscription and its monitored items; runs on the loop thread. */
    private void subscribe(OpcUaClient c) throws Exception {
        UaSubscription s = await(c.getSubscriptionManager()
                .createSubscription((double) settings.publishingInterval().toMillis()));
        subscription = s;
        List<MonitoredItemCreateRequest> requests = new ArrayList<>();
        for (OpcUaSettings.Item item : settings.items()) {
            ExtensionObject filter = item.deadbandKind() == OpcUaSettings.DeadbandKind.NONE ? null
                    : ExtensionObject.encode(c.getStaticSerializationContext(), new DataChangeFilter(
                            DataChangeTrigger.StatusValue, uint(item.deadbandKind().uaValue()), item.deadband()));
            requests.add(new MonitoredItemCreateRequest(
                    new ReadValueId(item.nodeId(), AttributeId.Value.uid(), null, QualifiedName.NULL_VALUE),
                    MonitoringMode.Reporting, new MonitoringParameters(s.nextClientHandle(),
                            item.samplingInterval(), filter, uint(item.queueSize()), true)));
        }
        List<UaMonitoredItem> created = await(s.createMonitoredItems(TimestampsToReturn.Both, requests,
                (monitored, i) -> monitored.setValueConsumer(v -> onValue(settings.items().get(i), v))));
        itemProblems.clear();
        for (int i = 0; i < created.size(); i++) {
            StatusCode sc = created.get(i).getStatusCode();
            if (sc.isBad()) {
                OpcUaSettings.Item item = settings.items().get(i);
                itemProblems.put(item.key(), item.key() + " (" + item.nodeId().toParseableString()
                        + ") rejected by the server: " + describe(sc));
            }
        }
    }

    private void resubscribe() {
        OpcUaClient c = client;
        if (c == null || subscription != null || !sessionActive) {
            return;
        }
        try {
            subscribe(c);
            updateState();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the session is probably gone again; the next activation retries
            errors.incrementAndGet();
            subscription = null;
            setState(AdapterStatus.DEGRADED, "cannot create the subscription on " + settings.endpointUrl() + ": "
                    + describe(e));
        }
    }

    private void onValue(OpcUaSettings.Item item, DataValue dv) {
        reads.incrementAndGet();
        Variant variant = dv.getValue();
        Object raw = variant == null ? null : variant.getValue();
        double value;
        if (raw instanceof Number n) {
            value = n.doubleValue();
        } else if (raw instanceof Boolean b) {
            value = b ? 1 : 0;
        } else if (raw == null) {
            // a bad status without a value (e.g. Bad_NotReadable): nothing to measure, the gap is the signal
            errors.incrementAndGet();
            return;
        } else {
            if (itemProblems.put(item.key(), item.key() + " (" + item.nodeId().toParseableString() + "): value of type "
                    + raw.getClass().getSimpleName() + " is not numeric") == null) {
                updateState();
            }
            return;
        }
        if (itemProblems.remove(item.key()) != null) {
            updateState();
        }
        DateTime source = dv.getSourceTime();
        Instant deviceTime = source == null || source.isNull() ? null : source.getJavaInstant();
        Instant at = normalizer.now();
        lastReadingAt = at;
        sink.accept(normalizer.measurement(item.target(), value, quality(dv.getStatusCode()), deviceTime, at));
        measurements.incrementAndGet();
    }

    /** @return the measurement quality of an OPC UA status code: its severity; no status code is Good */
    static Quality quality(StatusCode status) {
        if (status == null || status.isGood()) {
            return Quality.GOOD;
        }
        return status.isUncertain() ? Quality.UNCERTAIN : Quality.BAD;
    }

    private void updateState() {
        if (!sessionActive) {
            return;
        }
        if (itemProblems.isEmpty()) {
            setState(AdapterStatus.HEALTHY, null);
        } else {
            setState(AdapterStatus.DEGRADED, String.join("; ", itemProblems.values()));
        }
    }

    private void schedule(Runnable task, Duration delay) {
        loop.schedule(task, delay);
    }

    private void execute(Runnable task) {
        schedule(task, Duration.ZERO);
    }

    private void disconnect() {
        OpcUaClient c = client;
        client = null;
        subscription = null;
        connected = false;
        sessionActive = false;
        if (c != null) {
            try {
                c.disconnect().get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                // the session is gone anyway
            }
        }
    }

    private <T> T await(java.util.concurrent.CompletableFuture<T> f) throws Exception {
        try {
            return f.get(settings.requestTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** @return the failure for a status reason: the OPC UA status code with its name where there is one */
    static String describe(Throwable t) {
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof UaException ua) {
            String message = ua.getMessage();
            String code = describe(ua.getStatusCode());
            return message == null || message.contains(code) ? code : code + ": " + message;
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": "
                + t.getMessage();
    }

    /** @return e.g. {@code Bad_NodeIdUnknown (0x80340000)} */
    static String describe(StatusCode sc) {
        String name = StatusCodes.lookup(sc.getValue()).map(n -> n[0]).orElse("status");
        return name + " (0x" + String.format("%08X", sc.getValue()) + ")";
    }

    private void setState(AdapterStatus status, String reason) {
        State old = state;
        state = new State(status, reason);
        if (old.status() != status) {
            if (status == AdapterStatus.HEALTHY) {
                LOG.info("adapter {} {} -> HEALTHY", settings.adapterId(), old.status());
            } else {
                LOG.warn("adapter {} {} -> {}: {}", settings.adapterId(), old.status(), status, reason);
            }
        }
    }

    /** Session lost and regained by Milo's reconnect. */
    private final class SessionListener implements SessionActivityListener {
        @Override
        public void onSessionActive(UaSession session) {
            if (!connected || sessionActive) {
                return; // the first activation is connect()'s
            }
            sessionActive = true;
            lastFailure = null;
            execute(() -> {
                if (subscription == null) {
                    resubscribe();
                } else {
                    updateState();
                }
            });
        }

        @Override
        public void onSessionInactive(UaSession session) {
            if (!connected || !sessionActive) {
                return;
            }
            sessionActive = false;
            errors.incrementAndGet();
            String last = lastFailure;
            setState(AdapterStatus.DEGRADED, "session with " + settings.endpointUrl() + " lost, reconnecting"
                    + (last == null ? "" : ": " + last));
        }
    }

    /** Transfer failures (the server was restarted) and publish failures (the reason of a lost session). */
    private final class SubscriptionListener implements UaSubscriptionManager.SubscriptionListener {
        @Override
        public void onSubscriptionTransferFailed(UaSubscription s, StatusCode status) {
            LOG.info("adapter {}: subscription not transferred to the new session ({}), creating it again",
                    settings.adapterId(), describe(status));
            if (subscription == s) {
                subscription = null;
            }
            execute(OpcUaAdapter.this::resubscribe);
        }

        @Override
        public void onPublishFailure(UaException e) {
            lastFailure = describe(e);
        }
    }
}
