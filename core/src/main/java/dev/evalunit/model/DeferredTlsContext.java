package dev.evalunit.model;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The JDK's default {@link SSLContext}, loaded the first time something asks it for TLS rather than
 * when an HTTP client is built. The JDK's HTTP client builds the default context (its providers,
 * cipher suites and the trust store's certificates: about 850 classes, the largest part of the
 * time from a test JVM's start to its first request) even for an {@code http://} endpoint, which
 * never uses it. Every call is the default context's own, so a TLS connection that does happen
 * (a redirect to {@code https://}, say) is verified exactly as without this class.
 */
final class DeferredTlsContext extends SSLContext {

    private final Spi spi;

    private DeferredTlsContext(Spi spi) {
        super(spi, null, "Default");
        this.spi = spi;
    }

    static DeferredTlsContext create() {
        return new DeferredTlsContext(new Spi());
    }

    /** @return whether the default context has been loaded, by a call that needed TLS */
    boolean loaded() {
        return spi.loaded != null;
    }

    /**
     * Parameters for {@link java.net.http.HttpClient.Builder#sslParameters} that leave every choice
     * (protocols, cipher suites) to the default context's engine: given, the client does not ask the
     * context for its defaults at build time. Naming no protocols, they also keep the client from
     * offering HTTP/2 over TLS, so a TLS connection through this context, never expected for an
     * {@code http://} endpoint, speaks HTTP/1.1.
     */
    static SSLParameters engineDefaults() {
        return new SSLParameters();
    }

    private static final class Spi extends SSLContextSpi {

        private volatile SSLContext loaded;

        private SSLContext context() {
            SSLContext context = loaded;
            if (context == null) {
                try {
                    context = SSLContext.getDefault();
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException("This JVM has no default TLS context: " + e.getMessage(), e);
                }
                loaded = context;
            }
            return context;
        }

        @Override
        protected void engineInit(KeyManager[] keyManagers, TrustManager[] trustManagers, SecureRandom random) {
            throw new UnsupportedOperationException("the JDK's default TLS context is initialised by the JDK");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return context().getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return context().getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return context().createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return context().createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return context().getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return context().getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return context().getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return context().getSupportedSSLParameters();
        }
    }
}
