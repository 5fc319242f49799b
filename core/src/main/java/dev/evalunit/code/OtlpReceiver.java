package dev.evalunit.code;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP receiver on 127.0.0.1 for one trial: {@code POST /v1/traces}, {@code /v1/logs} and
 * {@code /v1/metrics} in protobuf ({@code application/x-protobuf}) or JSON ({@code application/json}),
 * gzip or not, all three under the same token and byte budget. What arrives is stored before the
 * response is sent, so once a process has exited after a successful export its telemetry is here:
 * spans as {@link SpanData}, log records as {@link LogRecordData}, metrics as {@link MetricData}
 * (one per metric per export, so a periodic reader's repeated exports are all kept, in order).
 */
final class OtlpReceiver implements AutoCloseable {

    /** The largest request body accepted, after decompression (the SDK's batches are far smaller). */
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    /** The most bytes, after decompression, one trial may send in all; past it the run fails. */
    static final long MAX_TRIAL_BYTES = 32L * 1024 * 1024;

    /** The header, set through {@code OTEL_EXPORTER_OTLP_HEADERS}, that carries the trial's secret. */
    static final String TOKEN_HEADER = "x-evalunit-trial";

    /** The most spans one trial may export; past it the run is a flood. */
    static final int MAX_SPANS = 20_000;

    /** The most log records, and the most metrics (counted per export), one trial may send; past it the rest are dropped. */
    static final int MAX_RECORDS = 20_000;

    /** Receivers of concurrent trials share these threads; daemons, so a stuck request cannot keep the JVM up. */
    private static final ExecutorService HANDLERS = Executors.newCachedThreadPool(new java.util.concurrent.ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "evalunit-otlp-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    });

    private final HttpServer server;
    private final String token;
    private final java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(2);
    private long bytes;
    private boolean overBudget;
    private final List<SpanData> spans = new ArrayList<>();
    private final List<LogRecordData> logs = new ArrayList<>();
    private final List<MetricData> metrics = new ArrayList<>();
    private final List<String> rejected = new ArrayList<>();
    private int requests;
    private boolean overflow;
    private boolean recordsOverflow;

    private OtlpReceiver(HttpServer server, String token) {
        this.server = server;
        this.token = token;
    }

    /** @return a fresh secret for one trial: 128 random bits in hex */
    static String newToken() {
        byte[] random = new byte[16];
        new java.security.SecureRandom().nextBytes(random);
        return java.util.HexFormat.of().formatHex(random);
    }

    /**
     * @param token the trial's secret: a request without it in {@link #TOKEN_HEADER} is refused
     * @return a receiver listening on a free port of 127.0.0.1
     */
    static OtlpReceiver start(String token) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        OtlpReceiver receiver = new OtlpReceiver(server, token);
        server.createContext("/", receiver::handle);
        server.setExecutor(HANDLERS);
        server.start();
        return receiver;
    }

    /** @return the base URL, what {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set to, such as {@code http://127.0.0.1:4318} */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** @return where it listens on the host */
    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getAddress().getPort());
    }

    /** @return whether the trial sent more than {@link #MAX_TRIAL_BYTES} (the rest was refused) */
    synchronized boolean overBudget() {
        return overBudget;
    }

    String overBudgetMessage() {
        return "the run sent more than " + MAX_TRIAL_BYTES + " bytes of telemetry (decompressed) to its receiver,"
                + " the most one trial may send; the rest was refused";
    }

    /** @return the spans received so far, in the order received */
    synchronized List<SpanData> spans() {
        return List.copyOf(spans);
    }

    /** @return the log records received so far, in the order received */
    synchronized List<LogRecordData> logs() {
        return List.copyOf(logs);
    }

    /** @return the metrics received so far, one per metric per export, in the order received */
    synchronized List<MetricData> metrics() {
        return List.copyOf(metrics);
    }

    /** @return how many trace requests arrived, accepted or not */
    synchronized int traceRequests() {
        return requests;
    }

    /** @return why requests were refused, such as {@code 415: Content-Type text/plain} */
    synchronized List<String> rejected() {
        return List.copyOf(rejected);
    }

    /** @return whether more than {@link #MAX_RECORDS} log records, or metrics, arrived (the rest were dropped) */
    synchronized boolean recordsOverflowed() {
        return recordsOverflow;
    }

    /** @return whether more than {@link #MAX_SPANS} spans arrived (the rest were dropped) */
    synchronized boolean overflowed() {
        return overflow;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            boolean traces = path.equals("/v1/traces");
            boolean logSignal = path.equals("/v1/logs");
            boolean metricSignal = path.equals("/v1/metrics");
            if (!traces && !metricSignal && !logSignal) {
                respond(exchange, 404, "text/plain", "no OTLP signal at " + path);
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "text/plain", "OTLP/HTTP takes POST");
                return;
            }
            if (!token.equals(exchange.getRequestHeaders().getFirst(TOKEN_HEADER))) {
                reject(exchange, 401, "a request without this trial's " + TOKEN_HEADER + " header (the engine sets it"
                        + " in OTEL_EXPORTER_OTLP_HEADERS; only the trial's own processes have it)");
                return;
            }
            String type = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("")
                    .toLowerCase(Locale.ROOT);
            boolean json = type.startsWith("application/json");
            boolean protobuf = type.startsWith("application/x-protobuf") || type.startsWith("application/protobuf");
            if (traces) {
                synchronized (this) {
                    requests++;
                }
            }
            if (!json && !protobuf) {
                reject(exchange, 415, "Content-Type " + (type.isEmpty() ? "missing" : type)
                        + " (OTLP/HTTP sends application/x-protobuf or application/json)");
                return;
            }
            byte[] body;
            inFlight.acquireUninterruptibly();
            try {
                body = body(exchange, remaining());
            } catch (IOException e) {
                reject(exchange, 400, "unreadable body: " + e.getMessage());
                return;
            } finally {
                inFlight.release();
            }
            if (body != null && !charge(body.length)) {
                reject(exchange, 413, "more than " + MAX_TRIAL_BYTES + " bytes from this trial");
                return;
            }
            if (body == null) {
                reject(exchange, 413, overBudget() ? "more than " + MAX_TRIAL_BYTES + " bytes from this trial"
                        : "a body larger than " + MAX_BODY_BYTES + " bytes (decompressed)");
                return;
            }
            try {
                if (traces) {
                    store(json ? OtlpSpans.fromJson(body) : OtlpSpans.fromProtobuf(body));
                } else if (logSignal) {
                    storeRecords(logs, json ? OtlpLogs.fromJson(body) : OtlpLogs.fromProtobuf(body));
                } else {
                    storeRecords(metrics, json ? OtlpMetrics.fromJson(body) : OtlpMetrics.fromProtobuf(body));
                }
            } catch (IOException | RuntimeException e) {
                reject(exchange, 400, "a " + (traces ? "trace" : logSignal ? "log" : "metric")
                        + " request that does not parse as OTLP " + (json ? "JSON" : "protobuf") + ": "
                        + e.getMessage());
                return;
            }
            if (json) {
                respond(exchange, 200, "application/json", "{}");
            } else {
                byte[] empty = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, empty.length == 0 ? -1 : empty.length);
                exchange.getResponseBody().write(empty);
            }
        }
    }

    private synchronized void store(List<SpanData> received) {
        int room = MAX_SPANS - spans.size();
        if (received.size() > room) {
            overflow = true;
        }
        spans.addAll(received.subList(0, Math.max(0, Math.min(room, received.size()))));
    }

    private synchronized <T> void storeRecords(List<T> store, List<T> received) {
        int room = MAX_RECORDS - store.size();
        if (received.size() > room) {
            recordsOverflow = true;
        }
        store.addAll(received.subList(0, Math.max(0, Math.min(room, received.size()))));
    }

    private void reject(HttpExchange exchange, int status, String why) throws IOException {
        synchronized (this) {
            if (rejected.size() < 10) {
                rejected.add(status + ": " + why);
            }
        }
        respond(exchange, status, "text/plain", why);
    }

    private synchronized long remaining() {
        return MAX_TRIAL_BYTES - bytes;
    }

    /** @return whether {@code length} more bytes fit the trial's budget; counted either way */
    private synchronized boolean charge(int length) {
        bytes += length;
        if (bytes > MAX_TRIAL_BYTES) {
            overBudget = true;
            return false;
        }
        return true;
    }

    /**
     * @param budget what the trial may still send
     * @return the body, decompressed and read no further than the limits (a gzip bomb stops at
     *         them); {@code null} when it is larger than a request may be
     */
    private byte[] body(HttpExchange exchange, long budget) throws IOException {
        InputStream in = exchange.getRequestBody();
        String encoding = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Encoding")).orElse("");
        if (encoding.equalsIgnoreCase("gzip")) {
            in = new GZIPInputStream(in);
        } else if (!encoding.isEmpty() && !encoding.equalsIgnoreCase("identity")) {
            throw new IOException("Content-Encoding " + encoding + " is not supported (gzip is)");
        }
        int most = (int) Math.max(0, Math.min(MAX_BODY_BYTES, budget));
        byte[] body = in.readNBytes(most + 1);
        if (body.length > most) {
            if (most < MAX_BODY_BYTES) {
                synchronized (this) {
                    overBudget = true;
                }
            }
            return null;
        }
        return body;
    }

    private static void respond(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
