package io.arcnode.protocol.modbus.internal;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongToDoubleFunction;

/**
 * A real Modbus TCP server (function codes 1-4; MBAP framing, or RTU frames with CRC over TCP) for SIM mode, the
 * demo stage and tests. It serves a point map
 * whose values are a deterministic function of a tick counter: {@link #tick()} advances it by one (tests), or
 * {@link #tickEvery(long)} advances it on a timer (SIM mode). Reading a register or bit that no point maps
 * answers Modbus exception 2 (illegal data address), as real devices do; a request for another unit id
 * answers exception 11 (gateway target device failed to respond). {@link #setAnswering(boolean) Not
 * answering} simulates a device that hangs: connections stay open, requests are read and dropped.
 */
public final class ModbusSimulator implements AutoCloseable {

    /**
     * One simulated point: its raw (unscaled) value at each tick.
     *
     * @param table   the data table
     * @param address first register or bit
     * @param type    data type ({@code BOOL} for coils and discrete inputs: non-zero is 1)
     * @param order   word order
     * @param value   raw value as a function of the tick
     */
    public record SimPoint(RegisterTable table, int address, DataType type, WordOrder order,
            LongToDoubleFunction value) {

        /**
         * @return a point of {@code point}'s location and type whose raw value moves deterministically: a
         *         triangle wave of period 20 ticks around {@code 100 + address}, bits toggling every 5 ticks
         */
        public static SimPoint wave(ModbusPoint point) {
            int a = point.address();
            LongToDoubleFunction f = point.type() == DataType.BOOL ? t -> ((t + a) / 5) % 2
                    : t -> 100 + (a % 100) + Math.abs((t + a) % 20 - 10);
            return new SimPoint(point.table(), a, point.type(), point.order(), f);
        }
    }

    private final ServerSocket server;
    private final Transport transport;
    private final int unitId;
    private final List<SimPoint> points;
    private final int[][] registers = new int[RegisterTable.values().length][65536];
    private final BitSet[] defined = new BitSet[RegisterTable.values().length];
    private final AtomicLong tick = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final Map<Socket, Boolean> clients = new ConcurrentHashMap<>();
    private final Thread acceptor;
    private volatile boolean answering = true;
    private volatile boolean closed;
    private ScheduledExecutorService ticker;

    private ModbusSimulator(ServerSocket server, Transport transport, int unitId, List<SimPoint> points) {
        this.server = server;
        this.transport = transport;
        this.unitId = unitId;
        this.points = List.copyOf(points);
        for (int i = 0; i < defined.length; i++) {
            defined[i] = new BitSet();
        }
        for (SimPoint p : this.points) {
            defined[p.table().ordinal()].set(p.address(), p.address() + p.type().registers());
        }
        writeValues(0);
        acceptor = new Thread(this::acceptLoop, "modbus-sim-" + server.getLocalPort());
        acceptor.setDaemon(true);
    }

    /**
     * Starts a simulator on {@code bind}:{@code port}.
     *
     * @param bind   address to listen on, e.g. {@code 127.0.0.1}
     * @param port   TCP port, 0 for an ephemeral one (see {@link #port()})
     * @param unitId the unit id it answers for
     * @param points the point map
     */
    public static ModbusSimulator start(InetAddress bind, int port, int unitId, List<SimPoint> points)
            throws IOException {
        return start(bind, port, Transport.TCP, unitId, points);
    }

    /** As {@link #start(InetAddress, int, int, List)} with the given framing. */
    public static ModbusSimulator start(InetAddress bind, int port, Transport transport, int unitId,
            List<SimPoint> points) throws IOException {
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(bind, port));
        ModbusSimulator sim = new ModbusSimulator(s, transport, unitId, points);
        sim.acceptor.start();
        return sim;
    }

    /** @return a simulator on 127.0.0.1 serving a {@link SimPoint#wave} for every point of {@code settings} */
    public static ModbusSimulator forSettings(ModbusSettings settings, int port) throws IOException {
        List<SimPoint> sim = new ArrayList<>();
        for (ModbusPoint p : settings.points()) {
            sim.add(SimPoint.wave(p));
        }
        return start(InetAddress.getLoopbackAddress(), port, settings.transport(), settings.unitId(), sim);
    }

    /** @return the port it listens on */
    public int port() {
        return server.getLocalPort();
    }

    /** @return requests received so far (answered or not) */
    public long requests() {
        return requests.get();
    }

    /** @return the current tick */
    public long currentTick() {
        return tick.get();
    }

    /** @param on {@code false}: read requests and never answer them (a hung device); {@code true}: answer again */
    public void setAnswering(boolean on) {
        answering = on;
    }

    /** Advances the tick by one and updates every value. */
    public void tick() {
        writeValues(tick.incrementAndGet());
    }

    /** Advances the tick every {@code periodMs} ms on a timer owned by the simulator, until {@link #close()}. */
    public synchronized void tickEvery(long periodMs) {
        if (ticker == null) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "modbus-sim-tick-" + port());
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::tick, periodMs, periodMs, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void writeValues(long t) {
        for (SimPoint p : points) {
            double v = p.value().applyAsDouble(t);
            int[] table = registers[p.table().ordinal()];
            if (p.type() == DataType.BOOL) {
                table[p.address()] = v != 0 ? 1 : 0;
            } else {
                int[] words = RegisterCodec.encode(v, p.type(), p.order());
                System.arraycopy(words, 0, table, p.address(), words.length);
            }
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                clients.put(s, Boolean.TRUE);
                Thread t = new Thread(() -> serve(s), "modbus-sim-conn-" + s.getPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                // closed: the loop ends
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            DataInputStream in = new DataInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (!closed) {
                byte[] frame = transport == Transport.TCP ? serveTcp(in) : serveRtu(in);
                if (frame == null) {
                    return;
                }
                if (frame.length > 0) {
                    out.write(frame);
                    out.flush();
                }
            }
        } catch (EOFException e) {
            // the client closed the connection
        } catch (IOException e) {
            // connection reset or simulator closed
        } finally {
            clients.remove(s);
        }
    }

    /** @return the answer frame, empty for none, {@code null} to drop the connection */
    private byte[] serveTcp(DataInputStream in) throws IOException {
        int transaction = in.readUnsignedShort();
        in.readUnsignedShort(); // protocol id, 0
        int length = in.readUnsignedShort();
        if (length < 2 || length > 254) {
            return null;
        }
        byte[] body = new byte[length];
        in.readFully(body);
        requests.incrementAndGet();
        if (!answering) {
            return new byte[0];
        }
        byte[] pdu = answer(body[0] & 0xFF, body);
        byte[] frame = new byte[7 + pdu.length];
        frame[0] = (byte) (transaction >> 8);
        frame[1] = (byte) transaction;
        frame[4] = (byte) ((pdu.length + 1) >> 8);
        frame[5] = (byte) (pdu.length + 1);
        frame[6] = body[0];
        System.arraycopy(pdu, 0, frame, 7, pdu.length);
        return frame;
    }

    /** RTU frame: unit, function, 4 bytes start and count (every read request), CRC-16 low byte first. */
    private byte[] serveRtu(DataInputStream in) throws IOException {
        byte[] request = new byte[8];
        in.readFully(request);
        requests.incrementAndGet();
        int crc = crc16(request, 6);
        if ((request[6] & 0xFF) != (crc & 0xFF) || (request[7] & 0xFF) != (crc >> 8)) {
            return new byte[0]; // a corrupt frame is ignored, as on a serial line
        }
        if (!answering) {
            return new byte[0];
        }
        byte[] pdu = answer(request[0] & 0xFF, Arrays.copyOf(request, 6));
        byte[] frame = new byte[1 + pdu.length + 2];
        frame[0] = request[0];
        System.arraycopy(pdu, 0, frame, 1, pdu.length);
        int c = crc16(frame, frame.length - 2);
        frame[frame.length - 2] = (byte) c;
        frame[frame.length - 1] = (byte) (c >> 8);
        return frame;
    }

    /** @return the Modbus RTU CRC-16 (polynomial 0xA001, initial 0xFFFF) of the first {@code n} bytes */
    static int crc16(byte[] data, int n) {
        int crc = 0xFFFF;
        for (int i = 0; i < n; i++) {
            crc ^= data[i] & 0xFF;
            for (int b = 0; b < 8; b++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc;
    }

    private synchronized byte[] answer(int unit, byte[] body) {
        int fc = body.length > 1 ? body[1] & 0xFF : 0;
        if (unit != unitId) {
            return exception(fc, 11);
        }
        if (fc < 1 || fc > 4 || body.length != 6) {
            return exception(fc, 1);
        }
        RegisterTable table = RegisterTable.ofFunctionCode(fc);
        int start = ((body[2] & 0xFF) << 8) | (body[3] & 0xFF);
        int count = ((body[4] & 0xFF) << 8) | (body[5] & 0xFF);
        if (count < 1 || count > table.maxPerRequest()) {
            return exception(fc, 3);
        }
        BitSet def = defined[table.ordinal()];
        if (start + count > 65536 || def.nextClearBit(start) < start + count) {
            return exception(fc, 2);
        }
        int[] values = registers[table.ordinal()];
        if (table.bits()) {
            byte[] pdu = new byte[2 + (count + 7) / 8];
            pdu[0] = (byte) fc;
            pdu[1] = (byte) (pdu.length - 2);
            for (int i = 0; i < count; i++) {
                if (values[start + i] != 0) {
                    pdu[2 + i / 8] |= (byte) (1 << (i % 8));
                }
            }
            return pdu;
        }
        byte[] pdu = new byte[2 + 2 * count];
        pdu[0] = (byte) fc;
        pdu[1] = (byte) (2 * count);
        for (int i = 0; i < count; i++) {
            pdu[2 + 2 * i] = (byte) (values[start + i] >> 8);
            pdu[3 + 2 * i] = (byte) values[start + i];
        }
        return pdu;
    }

    private static byte[] exception(int fc, int code) {
        return new byte[] {(byte) (fc | 0x80), (byte) code};
    }

    /** Stops listening, closes every connection and the ticker. */
    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            if (ticker != null) {
                ticker.shutdownNow();
            }
        }
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : clients.keySet()) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
