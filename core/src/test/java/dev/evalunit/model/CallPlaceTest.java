package dev.evalunit.model;

import dev.evalunit.config.Settings;
import dev.evalunit.testing.FakeOpenAiServer;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A call's place among the calls in flight: for the openai model EvalUnit builds, taken by its HTTP
 * client only while the request is out; for any other model, around the whole attempt.
 */
class CallPlaceTest {

    private static final ChatRequest HELLO = ChatRequest.builder().messages(UserMessage.from("Hello")).build();
    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(1), Duration.ofMillis(1));

    private final AdaptiveCallLimit limit = new AdaptiveCallLimit(4);
    private final List<Integer> inFlightSeen = new CopyOnWriteArrayList<>();

    @Test
    void aWirePlacedModelHoldsAPlaceOnlyWhileItsClientHasTheRequestOut() {
        retrying(new WirePlacedChatModel(new Client(false)), Optional.empty()).chat(HELLO);

        // Building the request, on the wire, reading the answer.
        assertThat(inFlightSeen).containsExactly(0, 1, 0);
        assertThat(limit.inFlight()).isZero();
    }

    @Test
    void anyOtherModelHoldsItsPlaceForTheWholeAttempt() {
        retrying(new Client(false), Optional.empty()).chat(HELLO);

        assertThat(inFlightSeen).containsExactly(1, 1, 1);
        assertThat(limit.inFlight()).isZero();
    }

    @Test
    void aRateLimitAnsweredOnTheWireHalvesTheLimitThroughThePlaceTaken() {
        ChatModel refused = new WirePlacedChatModel(new Client(true));

        assertThatThrownBy(() -> retrying(refused, Optional.empty()).chat(HELLO)).isInstanceOf(ModelCallException.class);

        assertThat(limit.limit()).isEqualTo(2);
        assertThat(limit.inFlight()).isZero();
    }

    @Test
    void theCallTimeoutRunsFromWhenTheCallHasItsPlaceNotWhileItWaitsForOne() throws Exception {
        AdaptiveCallLimit one = new AdaptiveCallLimit(1);
        AdaptiveCallLimit.Permit held = one.acquire();
        RetryingChatModel retrying = new RetryingChatModel(new WirePlacedChatModel(new Client(false, one)), 0, BACKOFF,
                duration -> { }, one, EndpointAdvice.BUILT_IN_CODE, new TrialClock(System::nanoTime), Long.MAX_VALUE,
                Optional.of(Duration.ofMillis(1_500)));
        CompletableFuture<ChatResponse> call = CompletableFuture.supplyAsync(() -> retrying.chat(HELLO));
        while (one.waiting() == 0) {
            Thread.onSpinWait();
        }

        // Twice the call timeout, all of it waiting for a place: the call itself has not started yet.
        Thread.sleep(3_000);
        held.close();

        assertThat(call.get(30, TimeUnit.SECONDS).aiMessage().text()).isEqualTo("answer");
    }

    @Test
    void theOpenAiModelsHttpClientTakesThePlaceOfTheAttemptOnItsThreadAndNoneOutsideOne() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(request -> {
            inFlightSeen.add(limit.inFlight());
            return request.answer("Paris");
        })) {
            Map<String, String> configuration = Map.of("evalunit.model.name", "gpt-test",
                    "evalunit.model.base-url", server.baseUrl());
            ChatModel openai = OpenAiModels.fromSettings(Settings.from(key -> Optional.ofNullable(configuration.get(key))),
                    variable -> null).model();
            assertThat(openai).isInstanceOf(WirePlacedChatModel.class);

            ChatResponse answer = retrying(openai, Optional.of(Duration.ofSeconds(30))).chat(HELLO);
            HttpClient client = RetryAfterHttpClient.jdkBuilder(server.baseUrl()).build();
            client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"messages\":[]}"))
                    .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.aiMessage().text()).isEqualTo("Paris");
            assertThat(inFlightSeen).containsExactly(1, 0);
            assertThat(limit.inFlight()).isZero();
        }
    }

    private RetryingChatModel retrying(ChatModel model, Optional<Duration> callTimeout) {
        return new RetryingChatModel(model, 0, BACKOFF, duration -> { }, limit, EndpointAdvice.BUILT_IN_CODE,
                new TrialClock(System::nanoTime), Long.MAX_VALUE, callTimeout);
    }

    /** Stands for LangChain4j's model over RetryAfterHttpClient: builds, sends (taking the place), parses. */
    private final class Client implements ChatModel {

        private final boolean refused;
        private final AdaptiveCallLimit seen;

        Client(boolean refused) {
            this(refused, limit);
        }

        Client(boolean refused, AdaptiveCallLimit seen) {
            this.refused = refused;
            this.seen = seen;
        }

        @Override
        public ChatResponse chat(ChatRequest request) {
            inFlightSeen.add(seen.inFlight());
            try (CallPlace.Taken place = CallPlace.take()) {
                inFlightSeen.add(seen.inFlight());
                if (refused) {
                    throw new RateLimitException(new HttpException(429, "slow down"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            inFlightSeen.add(seen.inFlight());
            return ChatResponse.builder().aiMessage(AiMessage.from("answer")).build();
        }
    }
}
