package dev.evalunit.model;

import dev.langchain4j.exception.HttpException;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * LangChain4j's {@link HttpException} for a non-2xx answer, plus the {@code Retry-After} the
 * endpoint sent with it. LangChain4j maps it to its usual exceptions ({@code RateLimitException}
 * for 429...) with this as the cause, so providers behave as before and the retries can read the
 * header.
 */
final class HttpStatusException extends HttpException {

    private static final long serialVersionUID = 1L;

    private final transient Optional<Duration> retryAfter;

    HttpStatusException(int statusCode, String body, Optional<Duration> retryAfter) {
        super(statusCode, body);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    Optional<Duration> retryAfter() {
        return retryAfter == null ? Optional.empty() : retryAfter;
    }
}
