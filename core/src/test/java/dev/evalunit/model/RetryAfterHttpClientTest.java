package dev.evalunit.model;

import dev.evalunit.config.Settings;
import dev.evalunit.testing.FakeOpenAiServer;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.request.ChatRequest;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class RetryAfterHttpClientTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void readsRetryAfterInSecondsAsAnHttpDateOrInMilliseconds() {
        assertThat(RetryAfterHttpClient.retryAfter(headers(Map.of("Retry-After", "7")), NOW))
                .hasValue(Duration.ofSeconds(7));
        assertThat(RetryAfterHttpClient.retryAfter(headers(Map.of("Retry-After", "Sun, 01 Jun 2025 12:00:30 GMT")), NOW))
                .hasValue(Duration.ofSeconds(30));
        assertThat(RetryAfterHttpClient.retryAfter(headers(Map.of("retry-after-ms", "250", "Retry-After", "1")), NOW))
                .hasValue(Duration.ofMillis(250));
        assertThat(RetryAfterHttpClient.retryAfter(headers(Map.of("Retry-After", "soon")), NOW)).isEmpty();
        assertThat(RetryAfterHttpClient.retryAfter(headers(Map.of()), NOW)).isEmpty();
    }

    @Test
    void theOpenAiModelKeepsTheRetryAfterOfA429ForTheRetries() {
        // The one fake endpoint of EvalUnit's tests, answering every call with a 429 that says when to retry.
        FakeOpenAiServer.Reply refusal = FakeOpenAiServer.Reply.error(429, "Rate limit reached");
        try (FakeOpenAiServer server = FakeOpenAiServer.start(request -> new FakeOpenAiServer.Reply(429,
                refusal.body(), Map.of("Retry-After", "7"), null, FakeOpenAiServer.Reply.Fault.NONE))) {
            Map<String, String> configuration = Map.of("evalunit.model.name", "gpt-test",
                    "evalunit.model.base-url", server.baseUrl());
            OpenAiModels.Configured openai = OpenAiModels.fromSettings(
                    Settings.from(key -> Optional.ofNullable(configuration.get(key))), variable -> null);

            Throwable thrown = catchThrowable(() -> openai.model().chat(ChatRequest.builder()
                    .messages(UserMessage.from("Hi")).build()));

            assertThat(thrown).isInstanceOf(RateLimitException.class);
            EndpointFault fault = EndpointFault.of(thrown);
            assertThat(fault.rateLimited()).isTrue();
            assertThat(fault.retryAfter()).hasValue(Duration.ofSeconds(7));
            assertThat(fault.answer()).startsWith("HTTP 429: {").contains("\"message\":\"Rate limit reached\"");
        }
    }

    @Test
    void anHttpEndpointIsCalledWithoutLoadingTheTlsContext() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(FakeOpenAiServer.answers("Paris"))) {
            HttpClient client = RetryAfterHttpClient.jdkBuilder(server.baseUrl()).build();

            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create(server.baseUrl() + "/chat/completions"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"messages\":[]}"))
                    .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("Paris");
            assertThat(client.sslContext()).isInstanceOfSatisfying(DeferredTlsContext.class,
                    context -> assertThat(context.loaded()).isFalse());
        }
    }

    @Test
    void anHttpsEndpointGetsTheJdksDefaultTlsContext() throws Exception {
        HttpClient client = RetryAfterHttpClient.jdkBuilder("https://api.openai.com/v1").build();

        assertThat(client.sslContext()).isSameAs(SSLContext.getDefault());
    }

    @Test
    void theDeferredContextIsTheDefaultOnceAskedForTls() throws Exception {
        DeferredTlsContext context = DeferredTlsContext.create();
        assertThat(context.loaded()).isFalse();

        SSLEngine engine = context.createSSLEngine("example.org", 443);

        assertThat(context.loaded()).isTrue();
        assertThat(engine.getEnabledProtocols())
                .containsExactly(SSLContext.getDefault().createSSLEngine().getEnabledProtocols());
        assertThat(context.getDefaultSSLParameters().getProtocols())
                .containsExactly(SSLContext.getDefault().getDefaultSSLParameters().getProtocols());
    }

    @Test
    void aTlsConnectionThroughTheDeferredContextStillVerifiesTheServer(@TempDir Path directory) throws Exception {
        // A server whose certificate no trust store holds: the JDK's default context refuses it, so ours must.
        char[] password = "changeit".toCharArray();
        Path keyStore = directory.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                "-alias", "server", "-keyalg", "EC", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
                "-validity", "2").redirectErrorStream(true).start();
        String printed = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor()).as(printed).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keyStore)) {
            keys.load(in, password);
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, password);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(managers.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            // Built as for an http:// endpoint, then asked for an https:// one (as a redirect would).
            HttpClient client = RetryAfterHttpClient.jdkBuilder("http://127.0.0.1").build();
            URI https = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/");

            Throwable thrown = catchThrowable(() -> client.send(HttpRequest.newBuilder(https).build(),
                    HttpResponse.BodyHandlers.discarding()));

            assertThat(thrown).isInstanceOf(SSLHandshakeException.class);
            assertThat(((DeferredTlsContext) client.sslContext()).loaded()).isTrue();
        } finally {
            server.stop(0);
        }
    }

    private static HttpHeaders headers(Map<String, String> values) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        values.forEach((name, value) -> map.put(name, List.of(value)));
        return HttpHeaders.of(map, (name, value) -> true);
    }
}
