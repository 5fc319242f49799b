package dev.evalunit.model;

import dev.evalunit.config.Settings;
import dev.evalunit.testing.FakeOpenAiServer;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.request.ChatRequest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
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

    private static HttpHeaders headers(Map<String, String> values) {
        Map<String, List<String>> map = new java.util.HashMap<>();
        values.forEach((name, value) -> map.put(name, List.of(value)));
        return HttpHeaders.of(map, (name, value) -> true);
    }
}
