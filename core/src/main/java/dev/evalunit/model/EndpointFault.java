package dev.evalunit.model;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.UnresolvedModelServerException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a failed model call says about the endpoint, read from the exception any LangChain4j
 * provider throws: whether asking again may help, the HTTP status when there was one, the
 * {@code Retry-After} the endpoint sent, and a one-line account of what it answered.
 *
 * @param kind whether to retry
 * @param status the HTTP status, when the endpoint answered with one
 * @param retryAfter how long the endpoint asked to wait, when it said
 * @param answer what the endpoint answered, e.g. {@code HTTP 503: {"error":...}} or {@code connection refused}
 */
record EndpointFault(Kind kind, OptionalInt status, Optional<Duration> retryAfter, String answer) {

    /** The longest part of an endpoint's body quoted in a message. */
    private static final int EXCERPT = 300;

    enum Kind {
        /** May go away: connection refused or reset, a timeout, 408, 429, 5xx, a body that does not parse. */
        TRANSIENT,
        /** Will not go away by asking again: 400, 401, 403, 404 and other 4xx, an unknown host. */
        PERMANENT,
        /** The trial was stopped (its deadline passed): stop at once. */
        INTERRUPTED,
        /** Not an endpoint fault (a bug in the model's code, say): reported as it is, never retried. */
        OTHER
    }

    EndpointFault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(answer, "answer");
    }

    /**
     * @return the answer without the endpoint's words, e.g. {@code HTTP 503} or {@code connection refused}:
     *         safe for a span attribute, where a body that quoted the key must never go
     */
    String brief() {
        if (status.isPresent()) {
            return "HTTP " + status.getAsInt();
        }
        int detail = answer.indexOf(" (");
        int colon = answer.indexOf(':');
        int end = detail < 0 ? colon : colon < 0 ? detail : Math.min(detail, colon);
        return end < 0 ? answer : answer.substring(0, end);
    }

    boolean retryable() {
        return kind == Kind.TRANSIENT;
    }

    boolean rateLimited() {
        return status.isPresent() && status.getAsInt() == 429;
    }

    static EndpointFault of(Throwable error) {
        Objects.requireNonNull(error, "error");
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        // The most precise facts first: an HTTP status, wherever in the chain it is.
        for (Throwable cause = error; cause != null && seen.put(cause, Boolean.TRUE) == null; cause = cause.getCause()) {
            if (cause instanceof HttpException) {
                return fromStatus(((HttpException) cause).statusCode(), cause.getMessage(),
                        cause instanceof HttpStatusException ? ((HttpStatusException) cause).retryAfter()
                                : Optional.empty());
            }
        }
        seen.clear();
        for (Throwable cause = error; cause != null && seen.put(cause, Boolean.TRUE) == null; cause = cause.getCause()) {
            EndpointFault fault = fromType(cause);
            if (fault != null) {
                return fault;
            }
        }
        // LangChain4j's own judgement of exceptions it made itself, such as "no choices returned".
        if (error instanceof RetriableException) {
            return new EndpointFault(Kind.TRANSIENT, OptionalInt.empty(), Optional.empty(), describe(error));
        }
        if (error instanceof NonRetriableException) {
            return new EndpointFault(Kind.PERMANENT, OptionalInt.empty(), Optional.empty(), describe(error));
        }
        return new EndpointFault(Kind.OTHER, OptionalInt.empty(), Optional.empty(), describe(error));
    }

    private static EndpointFault fromStatus(int status, String body, Optional<Duration> retryAfter) {
        boolean transientStatus = status == 408 || status == 429 || status >= 500;
        String answer = "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + excerpt(body));
        return new EndpointFault(transientStatus ? Kind.TRANSIENT : Kind.PERMANENT, OptionalInt.of(status),
                retryAfter, answer);
    }

    private static EndpointFault fromType(Throwable cause) {
        if (cause instanceof CallTimeoutException) {
            return new EndpointFault(Kind.TRANSIENT, OptionalInt.empty(), Optional.empty(), cause.getMessage());
        }
        if (cause instanceof InterruptedException || cause instanceof ClosedByInterruptException
                || (cause instanceof InterruptedIOException && !(cause instanceof SocketTimeoutException))) {
            return new EndpointFault(Kind.INTERRUPTED, OptionalInt.empty(), Optional.empty(), "interrupted");
        }
        if (cause instanceof RateLimitException) {
            return fromStatus(429, cause.getMessage(), Optional.empty());
        }
        if (cause instanceof AuthenticationException) {
            return fromStatus(401, cause.getMessage(), Optional.empty());
        }
        if (cause instanceof ModelNotFoundException) {
            return fromStatus(404, cause.getMessage(), Optional.empty());
        }
        if (cause instanceof InvalidRequestException) {
            return fromStatus(400, cause.getMessage(), Optional.empty());
        }
        if (cause instanceof InternalServerException) {
            return new EndpointFault(Kind.TRANSIENT, OptionalInt.empty(), Optional.empty(),
                    "a server error: " + excerpt(String.valueOf(cause.getMessage())));
        }
        if (cause instanceof ContentFilteredException) {
            return new EndpointFault(Kind.PERMANENT, OptionalInt.empty(), Optional.empty(),
                    "its content filter refused the request: " + excerpt(String.valueOf(cause.getMessage())));
        }
        if (cause instanceof UnresolvedModelServerException || cause instanceof java.nio.channels.UnresolvedAddressException
                || cause instanceof java.net.UnknownHostException) {
            return new EndpointFault(Kind.PERMANENT, OptionalInt.empty(), Optional.empty(),
                    "nothing: its host name does not resolve");
        }
        if (cause instanceof dev.langchain4j.exception.TimeoutException || cause instanceof HttpTimeoutException
                || cause instanceof SocketTimeoutException) {
            return new EndpointFault(Kind.TRANSIENT, OptionalInt.empty(), Optional.empty(),
                    "nothing within the HTTP timeout");
        }
        if (cause instanceof ConnectException) {
            return new EndpointFault(Kind.TRANSIENT, OptionalInt.empty(), Optional.empty(), "connection refused");
        }
        if (cause instanceof IOException && isJsonError(cause)) {
            return new EndpointFault(Kind.TRANSIENT, OptionalInt.empty(), Optional.empty(),
                    "a body that does not parse (" + firstLine(cause.getMessage()) + ")");
        }
        if (cause instanceof IOException) {
            return new EndpointFault(Kind.TRANSIENT, OptionalInt.empty(), Optional.empty(),
                    "a broken connection (" + firstLine(cause.getMessage()) + ")");
        }
        return null;
    }

    /** Jackson is optional for a provider; recognised by name so no provider needs it on the classpath. */
    private static boolean isJsonError(Throwable cause) {
        for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals("com.fasterxml.jackson.core.JacksonException")
                    || type.getName().equals("com.fasterxml.jackson.core.JsonProcessingException")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + excerpt(message));
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no detail";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return excerpt(line);
    }

    static String excerpt(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT) + "…";
    }
}
