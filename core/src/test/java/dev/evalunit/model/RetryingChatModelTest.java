package dev.evalunit.model;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryingChatModelTest {

    private static final ChatRequest HELLO = ChatRequest.builder().messages(UserMessage.from("Hello")).build();
    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(30));

    private final List<Duration> sleeps = new ArrayList<>();
    private final AtomicLong now = new AtomicLong();
    private final AdaptiveCallLimit limit = new AdaptiveCallLimit(4);

    /** Sleeping moves the fake clock on, so deadlines are tested without waiting. */
    private final RetryingChatModel.Sleeper recordingSleeper = duration -> {
        sleeps.add(duration);
        now.addAndGet(duration.toNanos());
    };

    @Test
    void retriesTransientFaultsThenReturnsTheAnswer() {
        Scripted model = new Scripted(
                () -> { throw new InternalServerException(new HttpException(500, "oops")); },
                () -> { throw new RuntimeException(new ConnectException("Connection refused")); },
                () -> { throw new dev.langchain4j.exception.TimeoutException(new HttpException(408, "slow")); });

        ChatResponse response = retrying(model, 3, Duration.ofMinutes(5)).chat(HELLO);

        assertThat(response.aiMessage().text()).isEqualTo("answer");
        assertThat(model.attempts).isEqualTo(4);
        assertThat(sleeps).hasSize(3);
        // Exponential with equal jitter: 50-100ms, 100-200ms, 200-400ms.
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(sleeps.get(2)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(limit.inFlight()).isZero();
    }

    @Test
    void waitsAtLeastAsLongAsTheEndpointsRetryAfter() {
        Scripted model = new Scripted(() -> {
            throw new RateLimitException(new HttpStatusException(429, "slow down", Optional.of(Duration.ofSeconds(3))));
        });

        retrying(model, 3, Duration.ofMinutes(5)).chat(HELLO);

        assertThat(model.attempts).isEqualTo(2);
        assertThat(sleeps).singleElement().satisfies(wait -> assertThat(wait).isBetween(Duration.ofSeconds(3),
                Duration.ofMillis(3100)));
    }

    @Test
    void each429HalvesTheCallsInFlightForTheWholeRunAndEachSuccessAddsOne() {
        Scripted model = new Scripted(
                () -> { throw new RateLimitException(new HttpException(429, "slow down")); },
                () -> { throw new RateLimitException(new HttpException(429, "slow down")); });
        RetryingChatModel retrying = retrying(model, 3, Duration.ofMinutes(5));

        retrying.chat(HELLO);

        assertThat(limit.limit()).as("4, halved twice, then one success").isEqualTo(2);
        retrying.chat(HELLO);
        assertThat(limit.limit()).isEqualTo(3);
    }

    @Test
    void reportsEveryAnswerAndTheNumberOfAttemptsOnceRetriesAreSpent() {
        Scripted model = new Scripted(
                () -> { throw new InternalServerException(new HttpException(500, "oops")); },
                () -> { throw new RateLimitException(new HttpException(429, "slow down")); },
                () -> { throw new InternalServerException(new HttpException(500, "oops")); });

        assertThatThrownBy(() -> retrying(model, 2, Duration.ofMinutes(5)).chat(HELLO))
                .isInstanceOf(ModelCallException.class)
                .hasMessage("gave up after 3 attempts (evalunit.retries=2); the endpoint answered: HTTP 500: oops"
                        + " (attempts 1, 3); HTTP 429: slow down (attempt 2)")
                .hasCauseInstanceOf(InternalServerException.class);
        assertThat(model.attempts).isEqualTo(3);
    }

    @Test
    void makesOneAttemptWithNoRetries() {
        Scripted model = new Scripted(() -> { throw new InternalServerException(new HttpException(503, "busy")); });

        assertThatThrownBy(() -> retrying(model, 0, Duration.ofMinutes(5)).chat(HELLO))
                .hasMessage("gave up after 1 attempt (evalunit.retries=0); the endpoint answered: HTTP 503: busy");
        assertThat(model.attempts).isEqualTo(1);
    }

    @Test
    void doesNotRetryAClientErrorAndSaysWhatToFix() {
        Scripted model = new Scripted(() -> { throw new InvalidRequestException(new HttpException(400, "bad tools")); });

        assertThatThrownBy(() -> retrying(model, 3, Duration.ofMinutes(5)).chat(HELLO))
                .isInstanceOf(ModelCallException.class)
                .hasMessage("the endpoint rejected the request (it answered HTTP 400: bad tools); not retried: check"
                        + " that the model accepts what the task sends (its messages and tools), and the model name"
                        + " and base URL the model under test is built with");
        assertThat(model.attempts).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void namesTheKeysVariableWhenTheEndpointRefusesTheKey() {
        Scripted model = new Scripted(() -> { throw new AuthenticationException(new HttpException(401, "bad key")); });

        assertThatThrownBy(() -> retrying(model, 3, Duration.ofMinutes(5), EndpointAdvice.forConfiguredModel("OPENAI_API_KEY"))
                .chat(HELLO))
                .hasMessageStartingWith("the endpoint refused the API key read from OPENAI_API_KEY (it answered HTTP"
                        + " 401: bad key); not retried: export a valid key in OPENAI_API_KEY, or name the variable"
                        + " that holds one with evalunit.model.api-key-env");
        assertThat(model.attempts).isEqualTo(1);
    }

    @Test
    void neverWaitsPastTheTrialsDeadline() {
        Scripted model = new Scripted(() -> {
            throw new RateLimitException(new HttpStatusException(429, "slow down", Optional.of(Duration.ofMinutes(2))));
        });

        assertThatThrownBy(() -> retrying(model, 3, Duration.ofSeconds(60)).chat(HELLO))
                .isInstanceOf(ModelCallException.class)
                .hasMessageStartingWith("gave up after 1 attempt (evalunit.retries=3); the endpoint answered: HTTP 429:"
                        + " slow down; the next attempt would wait 120s")
                .hasMessageEndingWith("(the endpoint's Retry-After), past the trial's deadline");
        assertThat(model.attempts).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void passesOnAnExceptionThatIsNotAnEndpointFault() {
        IllegalStateException bug = new IllegalStateException("bug in the model's code");
        Scripted model = new Scripted(() -> { throw bug; });

        assertThatThrownBy(() -> retrying(model, 3, Duration.ofMinutes(5)).chat(HELLO)).isSameAs(bug);
        assertThat(model.attempts).isEqualTo(1);
    }

    @Test
    void stopsWhenInterruptedWhileWaitingToRetry() {
        Scripted model = new Scripted(() -> { throw new InternalServerException(new HttpException(500, "oops")); });
        RetryingChatModel retrying = new RetryingChatModel(model, 3, BACKOFF, duration -> {
            throw new InterruptedException();
        }, limit, EndpointAdvice.BUILT_IN_CODE, new TrialClock(now::get), Long.MAX_VALUE);

        try {
            assertThatThrownBy(() -> retrying.chat(HELLO)).isInstanceOf(CancellationException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(model.attempts).isEqualTo(1);
    }

    private RetryingChatModel retrying(ChatModel model, int retries, Duration timeout) {
        return retrying(model, retries, timeout, EndpointAdvice.BUILT_IN_CODE);
    }

    private RetryingChatModel retrying(ChatModel model, int retries, Duration timeout, EndpointAdvice advice) {
        return new RetryingChatModel(model, retries, BACKOFF, recordingSleeper, limit, advice, new TrialClock(now::get),
                now.get() + timeout.toNanos());
    }

    /** Fails as scripted, one fault per attempt, then answers. */
    private static final class Scripted implements ChatModel {

        private final Deque<Supplier<ChatResponse>> faults;
        int attempts;

        @SafeVarargs
        Scripted(Supplier<ChatResponse>... faults) {
            this.faults = new ArrayDeque<>(List.of(faults));
        }

        @Override
        public ChatResponse chat(ChatRequest request) {
            attempts++;
            Supplier<ChatResponse> fault = faults.poll();
            if (fault != null) {
                return fault.get();
            }
            return ChatResponse.builder().aiMessage(AiMessage.from("answer")).build();
        }
    }
}
