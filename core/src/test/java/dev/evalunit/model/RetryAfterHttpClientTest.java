package dev.evalunit.model;

import com.sun.net.httpserver.HttpServer;
import dev.evalunit.config.Settings;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.request.ChatRequest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    void theOpenAiModelKeepsTheRetryAfterOfA429ForTheRetries() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"error\":{\"message\":\"Rate limit reached\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Retry-After", "7");
            exchange.sendResponseHeaders(429, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            Map<String, String> configuration = Map.of("evalunit.model.name", "gpt-test",
                    "evalunit.model.base-url", "http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
            OpenAiModels.Configured openai = OpenAiModels.fromSettings(
                    Settings.from(key -> Optional.ofNullable(configuration.get(key))), variable -> null);

            Throwable thrown = catchThrowable(() -> openai.model().chat(ChatRequest.builder()
                    .messages(UserMessage.from("Hi")).build()));

            assertThat(thrown).isInstanceOf(RateLimitException.class);
            EndpointFault fault = EndpointFault.of(thrown);
            assertThat(fault.rateLimited()).isTrue();
            assertThat(fault.retryAfter()).hasValue(Duration.ofSeconds(7));
            assertThat(fault.answer()).isEqualTo("HTTP 429: {\"error\":{\"message\":\"Rate limit reached\"}}");
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
