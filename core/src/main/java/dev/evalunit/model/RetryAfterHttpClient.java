package dev.evalunit.model;

import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.jdk.JdkHttpClient;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The JDK's HTTP client as LangChain4j's {@link JdkHttpClient} uses it, except that an answer
 * other than 2xx becomes an {@link HttpStatusException} that keeps the {@code Retry-After}
 * header, which LangChain4j's own client drops. Everything else (request building, timeouts,
 * streaming, the mapping of statuses to LangChain4j's exceptions) stays LangChain4j's. A blocking
 * {@link #send} takes the call's place among the calls in flight for as long as it is on the wire
 * ({@link CallPlace}).
 */
final class RetryAfterHttpClient extends HttpClient {

    private final HttpClient delegate;
    private final Clock clock;

    private RetryAfterHttpClient(HttpClient delegate, Clock clock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param baseUrl the endpoint the client will call: for an {@code http://} one the JDK's TLS
     *                context is loaded only if a call ever needs TLS ({@link DeferredTlsContext})
     * @return a builder for {@code OpenAiChatModel.builder().httpClientBuilder(...)} and the like
     */
    static HttpClientBuilder builder(String baseUrl) {
        return JdkHttpClient.builder().httpClientBuilder(jdkBuilder(baseUrl));
    }

    /** @return the JDK client's builder that {@link #builder(String)} gives LangChain4j; it builds this class */
    static HttpClient.Builder jdkBuilder(String baseUrl) {
        HttpClient.Builder jdk = HttpClient.newBuilder();
        if (baseUrl.regionMatches(true, 0, "http:", 0, "http:".length())) {
            jdk.sslContext(DeferredTlsContext.create()).sslParameters(DeferredTlsContext.engineDefaults());
        }
        return new Builder(jdk);
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        HttpResponse<T> response;
        // The call's place among the calls in flight, from the request sent to the answer read (CallPlace).
        try (CallPlace.Taken place = CallPlace.take()) {
            response = delegate.send(request, handler);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        throw new HttpStatusException(status, text(response.body()), retryAfter(response.headers(), clock));
    }

    private static String text(Object body) {
        if (body instanceof byte[]) {
            return new String((byte[]) body, StandardCharsets.UTF_8);
        }
        return body == null ? "" : body.toString();
    }

    /**
     * @return the wait the endpoint asked for: {@code retry-after-ms} (OpenAI, Azure) when present,
     *         else {@code Retry-After} in seconds or as an HTTP date
     */
    static Optional<Duration> retryAfter(HttpHeaders headers, Clock clock) {
        Optional<String> millis = headers.firstValue("retry-after-ms");
        if (millis.isPresent()) {
            try {
                return Optional.of(Duration.ofMillis(Math.max(0, (long) Double.parseDouble(millis.get().trim()))));
            } catch (NumberFormatException ignored) {
                // fall back to Retry-After
            }
        }
        Optional<String> value = headers.firstValue("retry-after").map(String::trim);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(value.get()) * 1000))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return delegate.sendAsync(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return delegate.sendAsync(request, handler, pushPromiseHandler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }

    /** Builds the JDK's client as configured, then wraps it; what {@link JdkHttpClient} is given to build with. */
    private static final class Builder implements HttpClient.Builder {

        private final HttpClient.Builder delegate;

        Builder(HttpClient.Builder delegate) {
            this.delegate = delegate;
        }

        @Override
        public HttpClient build() {
            return new RetryAfterHttpClient(delegate.build(), Clock.systemUTC());
        }

        @Override
        public Builder cookieHandler(CookieHandler cookieHandler) {
            delegate.cookieHandler(cookieHandler);
            return this;
        }

        @Override
        public Builder connectTimeout(Duration duration) {
            delegate.connectTimeout(duration);
            return this;
        }

        @Override
        public Builder sslContext(SSLContext sslContext) {
            delegate.sslContext(sslContext);
            return this;
        }

        @Override
        public Builder sslParameters(SSLParameters sslParameters) {
            delegate.sslParameters(sslParameters);
            return this;
        }

        @Override
        public Builder executor(Executor executor) {
            delegate.executor(executor);
            return this;
        }

        @Override
        public Builder followRedirects(Redirect policy) {
            delegate.followRedirects(policy);
            return this;
        }

        @Override
        public Builder version(Version version) {
            delegate.version(version);
            return this;
        }

        @Override
        public Builder priority(int priority) {
            delegate.priority(priority);
            return this;
        }

        @Override
        public Builder proxy(ProxySelector proxySelector) {
            delegate.proxy(proxySelector);
            return this;
        }

        @Override
        public Builder authenticator(Authenticator authenticator) {
            delegate.authenticator(authenticator);
            return this;
        }
    }
}
