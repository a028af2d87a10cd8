package io.sluice.destination.forward;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;

/**
 * The TLS client side of a forward destination ({@link ForwardSettings.ForwardTls}): the JDK's trust store, or the
 * certificates of a PEM file ({@code tlsCa}: a CA, or the peer's self-signed certificate), or, with
 * {@code tlsVerify=false}, no check of the peer's certificate or name at all. With verification the peer's name is
 * checked against its certificate as HTTPS does.
 */
final class ForwardTlsContext
{
    private final SSLContext context;
    private final boolean verify;

    /**
     * @param tls the TLS settings, valid.
     */
    ForwardTlsContext(final ForwardSettings.ForwardTls tls)
    {
        this.verify = tls.verify();
        try
        {
            final SSLContext made = SSLContext.getInstance("TLS");
            final TrustManager[] trust = !tls.verify() ? new TrustManager[] {new TrustingAll()}
                : tls.caFile().isEmpty() ? null : trusting(tls.caFile());
            made.init(null, trust, null);
            this.context = made;
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("TLS is not available in this JDK: " + ex.getMessage(), ex);
        }
    }

    /**
     * @param host the peer's host, as the URL names it.
     * @param port its port.
     * @return a client engine for one connection.
     */
    SSLEngine engine(final String host, final int port)
    {
        final SSLEngine engine = context.createSSLEngine(host, port);
        engine.setUseClientMode(true);
        if (verify)
        {
            final SSLParameters parameters = engine.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            engine.setSSLParameters(parameters);
        }
        return engine;
    }

    /**
     * @param pemFile a file of PEM certificates.
     * @return trust managers that trust exactly those.
     * @throws IllegalArgumentException when the file cannot be read or holds no certificate.
     */
    static TrustManager[] trusting(final String pemFile)
    {
        final Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(Path.of(pemFile)))
        {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        catch (final NoSuchFileException ex)
        {
            throw new IllegalArgumentException("cannot read the file: no such file", ex);
        }
        catch (final AccessDeniedException ex)
        {
            throw new IllegalArgumentException("cannot read the file: permission denied", ex);
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("cannot read the file (" + ex.getMessage() + ")", ex);
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalArgumentException("not a file of PEM certificates (" + ex.getMessage() + ")", ex);
        }
        if (certificates.isEmpty())
        {
            throw new IllegalArgumentException("no certificate in the file");
        }
        try
        {
            final KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (final Certificate certificate : certificates)
            {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            final TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        }
        catch (final IOException | GeneralSecurityException ex)
        {
            throw new IllegalArgumentException("cannot trust its certificates (" + ex.getMessage() + ")", ex);
        }
    }

    /**
     * {@code tlsVerify=false}: any certificate is taken (the connection is encrypted, the peer not authenticated).
     */
    private static final class TrustingAll implements X509TrustManager
    {
        @Override
        public void checkClientTrusted(final X509Certificate[] chain, final String authType)
        {
            // a client does not check clients
        }

        @Override
        public void checkServerTrusted(final X509Certificate[] chain, final String authType)
        {
            // tlsVerify=false: the peer's certificate is not checked, by request
        }

        @Override
        public X509Certificate[] getAcceptedIssuers()
        {
            return new X509Certificate[0];
        }
    }
}
