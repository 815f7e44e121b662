package io.arcnode.protocol.modbus.internal;

import com.ghgande.j2mod.modbus.Modbus;
import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.AbstractModbusMaster;
import com.ghgande.j2mod.modbus.facade.ModbusSerialMaster;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.util.BitVector;
import com.ghgande.j2mod.modbus.util.SerialParameters;
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
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Modbus adapter instance (TCP with MBAP framing, RTU frames over TCP, or RTU on a serial line): one device
 * connection (j2mod master),
 * the points of its {@link ModbusSettings}, and its own single-thread poll loop, so a slow device only delays
 * itself.
 * Each cycle runs the read plan; a request that gets no answer is retried after a reconnect up to
 * {@code retries} times; a cycle with a failed request sets {@code DEGRADED} with the reason (the Modbus
 * exception code when the device answered with one) and delays the next cycle by an exponential backoff;
 * {@code UNHEALTHY} after {@code unhealthy_after} without any successful read; the next good cycle sets
 * {@code HEALTHY} again. Every change of status is logged once.
 */
public final class ModbusTcpAdapter implements Adapter {

    /** Adapter version put into every measurement's metadata. */
    public static final String VERSION = "1.0.0";

    private static final Logger LOG = LoggerFactory.getLogger(ModbusTcpAdapter.class);

    private record State(AdapterStatus status, String reason) {}

    private final ModbusSettings settings;
    private final MeasurementSink sink;
    private final Clock clock;
    private final Normalizer normalizer;
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong measurements = new AtomicLong();
    private volatile State state = new State(AdapterStatus.DEGRADED, "not polled yet");
    private volatile Instant lastReadingAt;
    private final Instant createdAt;
    private final AdapterLoop loop;
    private volatile AbstractModbusMaster master;
    private int failedCycles;

    /**
     * @param settings validated settings
     * @param sink     where measurements go
     * @param clock    gateway clock
     */
    public ModbusTcpAdapter(ModbusSettings settings, MeasurementSink sink, Clock clock) {
        this.settings = settings;
        this.sink = sink;
        this.clock = clock;
        this.normalizer = new Normalizer(clock,
                Map.of("adapter_id", settings.adapterId(), "adapter_version", VERSION));
        this.createdAt = clock.instant();
        this.loop = new AdapterLoop("modbus-" + settings.adapterId());
    }

    @Override
    public String id() {
        return settings.adapterId();
    }

    @Override
    public void start() {
        loop.start(this::cycleAndReschedule);
    }

    @Override
    public void stop() {
        // a request in flight ends within its timeout
        if (loop.stop(settings.polling().timeout().multipliedBy(2).plusSeconds(1))) {
            disconnect();
        }
    }

    @Override
    public AdapterHealth health() {
        State s = state;
        return new AdapterHealth(settings.adapterId(), s.status(), s.reason(), lastReadingAt, reads.get(),
                errors.get(), measurements.get());
    }

    private void cycleAndReschedule() {
        long started = System.nanoTime();
        Duration next;
        try {
            next = pollOnce() ? untilNextStart(settings.polling().interval(), System.nanoTime() - started)
                    : backoff(settings.polling(), failedCycles);
        } catch (RuntimeException e) {
            // a bug, not a device problem: stop polling and say so
            LOG.error("adapter {} stopped by an internal error", settings.adapterId(), e);
            setState(AdapterStatus.FAILED, "internal error: " + e);
            return;
        }
        loop.schedule(this::cycleAndReschedule, next);
    }

    /**
     * @return the delay after a good cycle that took {@code elapsedNanos}: the next one starts {@code interval} after
     *         the start of this one ({@link ModbusSettings.Polling#interval()}), at once when the cycle took longer
     *         (no catching up on missed cycles)
     */
    static Duration untilNextStart(Duration interval, long elapsedNanos) {
        long left = interval.toNanos() - elapsedNanos;
        return left > 0 ? Duration.ofNanos(left) : Duration.ZERO;
    }

    /** @return the delay after the {@code failedCycles}-th failed cycle in a row (1, 2, ...): initial, doubled, capped */
    static Duration backoff(ModbusSettings.Polling p, int failedCycles) {
        long ms = p.backoffInitial().toMillis() << Math.min(Math.max(failedCycles, 1) - 1, 20);
        return Duration.ofMillis(Math.min(ms, p.backoffMax().toMillis()));
    }

    /**
     * Runs one poll cycle in the calling thread: every request of the plan, measurements to the sink.
     *
     * @return whether every request was answered
     */
    boolean pollOnce() {
        String failure = null;
        for (ReadRequest request : settings.plan()) {
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
            try {
                Object answer = readWithRetries(request);
                Instant at = normalizer.now();
                lastReadingAt = at;
                emit(request, answer, at);
            } catch (ReadFailure f) {
                failure = failure == null ? f.getMessage() : failure;
            }
        }
        if (failure == null) {
            failedCycles = 0;
            setState(AdapterStatus.HEALTHY, null);
            return true;
        }
        failedCycles++;
        Instant since = lastReadingAt == null ? createdAt : lastReadingAt;
        boolean longSilent = Duration.between(since, clock.instant()).compareTo(settings.polling().unhealthyAfter()) > 0;
        setState(longSilent ? AdapterStatus.UNHEALTHY : AdapterStatus.DEGRADED, failure);
        return false;
    }

    private void emit(ReadRequest request, Object answer, Instant at) {
        for (ModbusPoint p : request.points()) {
            int i = p.address() - request.start();
            double raw = answer instanceof BitVector bits ? (bits.getBit(i) ? 1 : 0)
                    : RegisterCodec.decode((int[]) answer, i, p.type(), p.order());
            sink.accept(normalizer.measurement(p.target(), raw * p.scale() + p.offset(), Quality.GOOD, null, at));
            measurements.incrementAndGet();
        }
    }

    private Object readWithRetries(ReadRequest r) throws ReadFailure {
        int attempts = settings.polling().retries() + 1;
        String last = null;
        for (int attempt = 0; attempt < attempts; attempt++) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            try {
                Object answer = read(connected(), r);
                reads.incrementAndGet();
                return answer;
            } catch (ModbusSlaveException e) {
                // the device answered: retrying the same request gives the same answer
                errors.incrementAndGet();
                throw new ReadFailure("modbus exception " + e.getType() + " (" + ModbusSlaveException.getMessage(e.getType())
                        + ") to " + r.describe() + " from " + endpoint());
            } catch (Exception e) {
                errors.incrementAndGet();
                disconnect();
                last = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
        }
        throw new ReadFailure("no answer to " + r.describe() + " from " + endpoint() + " after " + attempts
                + (attempts == 1 ? " attempt" : " attempts") + " (timeout " + settings.polling().timeout().toMillis()
                + " ms): " + last);
    }

    private Object read(AbstractModbusMaster m, ReadRequest r) throws ModbusException {
        int unit = settings.unitId();
        return switch (r.table()) {
            case COILS -> m.readCoils(unit, r.start(), r.count());
            case DISCRETE_INPUTS -> m.readInputDiscretes(unit, r.start(), r.count());
            case HOLDING_REGISTERS -> words(m.readMultipleRegisters(unit, r.start(), r.count()));
            case INPUT_REGISTERS -> words(m.readInputRegisters(unit, r.start(), r.count()));
        };
    }

    private static int[] words(InputRegister[] registers) {
        int[] w = new int[registers.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = registers[i].getValue() & 0xFFFF;
        }
        return w;
    }

    private AbstractModbusMaster connected() throws Exception {
        if (master == null || !isConnected(master)) {
            disconnect();
            int timeout = (int) settings.polling().timeout().toMillis();
            AbstractModbusMaster m;
            if (settings.transport() == Transport.RTU) {
                m = new ModbusSerialMaster(serialParameters(settings.serial()), timeout);
            } else {
                m = new ModbusTCPMaster(settings.host(), settings.port(), timeout, false,
                        settings.transport() == Transport.RTU_OVER_TCP);
            }
            m.connect();
            m.setTimeout(timeout);
            // one attempt per call, no sleeps inside j2mod: the retries, reconnects and backoff are ours
            // (set after connect: connect creates the transaction that holds the count)
            m.setRetries(1);
            master = m;
        }
        return master;
    }

    private static boolean isConnected(AbstractModbusMaster m) {
        return m instanceof ModbusSerialMaster s ? s.isConnected() : ((ModbusTCPMaster) m).isConnected();
    }

    /** @return j2mod's parameters of an RTU line: RTU encoding, no echo (RS-485 adapters that echo are rare) */
    static SerialParameters serialParameters(SerialLine line) {
        SerialParameters p = new SerialParameters();
        p.setPortName(line.port());
        p.setBaudRate(line.baudRate());
        p.setDatabits(line.dataBits());
        p.setParity(line.j2modParity());
        p.setStopbits(line.stopBits());
        p.setEncoding(Modbus.SERIAL_ENCODING_RTU);
        p.setEcho(false);
        return p;
    }

    private synchronized void disconnect() {
        if (master != null) {
            master.disconnect();
            master = null;
        }
    }

    private String endpoint() {
        if (settings.serial() != null) {
            return settings.serial() + " unit " + settings.unitId();
        }
        return settings.host() + ":" + settings.port() + " unit " + settings.unitId();
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

    /** A request that failed for good in this cycle; the message is the status reason. */
    private static final class ReadFailure extends Exception {
        private static final long serialVersionUID = 1L;

        ReadFailure(String reason) {
            super(reason, null, false, false);
        }
    }
}
