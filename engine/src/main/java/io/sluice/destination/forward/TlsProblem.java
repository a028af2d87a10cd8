package io.sluice.destination.forward;

import javax.net.ssl.SSLHandshakeException;
import java.security.cert.CertificateException;

/**
 * A failed TLS handshake in one line a user can act on: a certificate the JDK would not trust says so and what to
 * give ({@code tlsCa} or {@code tlsVerify=false}), with the innermost reason and without the JDK's class names.
 */
final class TlsProblem
{
    private TlsProblem()
    {
    }

    /**
     * @param ex the handshake's failure.
     * @return why, in one line.
     */
    static String describe(final SSLHandshakeException ex)
    {
        Throwable root = ex;
        boolean certificate = false;
        while (root.getCause() != null && root.getCause() != root)
        {
            root = root.getCause();
            certificate |= root instanceof CertificateException;
        }
        final String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return certificate ? "the peer's certificate is not trusted (" + reason + "): give tlsCa=FILE, or tlsVerify=false"
            : reason;
    }
}
