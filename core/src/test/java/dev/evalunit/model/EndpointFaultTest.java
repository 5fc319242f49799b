package dev.evalunit.model;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointFaultTest {

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {408, 429, 500, 502, 503, 504, 529})
    void retriesStatusesThatMayGoAway(int status) {
        EndpointFault fault = EndpointFault.of(new LangChain4jException(new HttpException(status, "{\"error\":{}}")));

        assertThat(fault.kind()).isEqualTo(EndpointFault.Kind.TRANSIENT);
        assertThat(fault.status()).hasValue(status);
        assertThat(fault.answer()).isEqualTo("HTTP " + status + ": {\"error\":{}}");
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 401, 403, 404, 409, 422})
    void doesNotRetryOtherClientErrors(int status) {
        EndpointFault fault = EndpointFault.of(new InvalidRequestException(new HttpException(status, "no")));

        assertThat(fault.kind()).isEqualTo(EndpointFault.Kind.PERMANENT);
        assertThat(fault.status()).hasValue(status);
    }

    @Test
    void readsTheStatusFromLangChain4jsExceptionsWhenNoHttpExceptionIsThere() {
        assertThat(EndpointFault.of(new RateLimitException("slow down")).status()).hasValue(429);
        assertThat(EndpointFault.of(new AuthenticationException("bad key")).kind()).isEqualTo(EndpointFault.Kind.PERMANENT);
        assertThat(EndpointFault.of(new ModelNotFoundException("gpt-5x")).status()).hasValue(404);
        assertThat(EndpointFault.of(new InternalServerException("no choices returned")).kind())
                .isEqualTo(EndpointFault.Kind.TRANSIENT);
        assertThat(EndpointFault.of(new TimeoutException("slow")).kind()).isEqualTo(EndpointFault.Kind.TRANSIENT);
    }

    @Test
    void keepsTheRetryAfterTheEndpointSent() {
        EndpointFault fault = EndpointFault.of(new RateLimitException(
                new HttpStatusException(429, "slow down", Optional.of(Duration.ofSeconds(7)))));

        assertThat(fault.rateLimited()).isTrue();
        assertThat(fault.retryAfter()).hasValue(Duration.ofSeconds(7));
    }

    @Test
    void retriesBrokenConnectionsTimeoutsAndBodiesThatDoNotParse() {
        assertThat(EndpointFault.of(new RuntimeException(new ConnectException()))).satisfies(fault -> {
            assertThat(fault.kind()).isEqualTo(EndpointFault.Kind.TRANSIENT);
            assertThat(fault.answer()).isEqualTo("connection refused");
        });
        assertThat(EndpointFault.of(new RuntimeException(new IOException("HTTP/1.1 header parser received no bytes",
                new EOFException("EOF reached while reading")))).answer())
                .isEqualTo("a broken connection (HTTP/1.1 header parser received no bytes)");
        assertThat(EndpointFault.of(new RuntimeException(new SocketException("Connection reset"))).kind())
                .isEqualTo(EndpointFault.Kind.TRANSIENT);
        assertThat(EndpointFault.of(new TimeoutException(new HttpTimeoutException("request timed out"))).answer())
                .isEqualTo("nothing within the HTTP timeout");
        assertThat(EndpointFault.of(new RuntimeException(new com.fasterxml.jackson.core.JsonParseException(null,
                "Unexpected character ('<' (code 60))"))).answer())
                .startsWith("a body that does not parse (Unexpected character ('<' (code 60))");
    }

    @Test
    void stopsAtOnceWhenTheTrialIsInterrupted() {
        assertThat(EndpointFault.of(new RuntimeException(new InterruptedException())).kind())
                .isEqualTo(EndpointFault.Kind.INTERRUPTED);
    }

    @Test
    void neitherRetriesAnUnknownHostNorABugInTheModel() {
        assertThat(EndpointFault.of(new UnresolvedModelServerException(new java.nio.channels.UnresolvedAddressException()))
                .kind()).isEqualTo(EndpointFault.Kind.PERMANENT);
        assertThat(EndpointFault.of(new IllegalStateException("bug")).kind()).isEqualTo(EndpointFault.Kind.OTHER);
        assertThat(EndpointFault.of(new NullPointerException()).retryable()).isFalse();
    }

    @Test
    void quotesAtMostAnExcerptOfALongBody() {
        EndpointFault fault = EndpointFault.of(new HttpException(500, "x".repeat(5000)));

        assertThat(fault.answer()).hasSizeLessThan(400).endsWith("…");
    }

    @Test
    void itsBriefFormLeavesOutTheEndpointsWords() {
        assertThat(EndpointFault.of(new HttpException(429, "key sk-123 is rate limited")).brief()).isEqualTo("HTTP 429");
        assertThat(EndpointFault.of(new RuntimeException(new IOException("reset by peer"))).brief())
                .isEqualTo("a broken connection");
        assertThat(EndpointFault.of(new InternalServerException("no choices")).brief()).isEqualTo("a server error");
        assertThat(EndpointFault.of(new RuntimeException(new ConnectException())).brief()).isEqualTo("connection refused");
    }
}
