package io.sluice.cli.getevents;

import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.TlsChannelCredentials;
import io.sluice.service.RootCause;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How {@code getevents} reaches a server: plaintext, or TLS when given {@code --tls-ca-cert-files} (tetra's flag), the
 * PEM certificates it trusts to sign the server's certificate (a self-signed server's own certificate will do), checked
 * against the host of {@code --server-address}.
 */
final class ServerCredentials
{
    private ServerCredentials()
    {
    }

    /**
     * @param caFiles the PEM files to trust; none for plaintext.
     * @return the channel's credentials.
     * @throws IllegalArgumentException naming the flag and the file when one cannot be read or holds no certificate.
     */
    static ChannelCredentials of(final List<Path> caFiles)
    {
        if (caFiles.isEmpty())
        {
            return InsecureChannelCredentials.create();
        }
        final ByteArrayOutputStream pem = new ByteArrayOutputStream();
        for (final Path file : caFiles)
        {
            try
            {
                final String text = Files.readString(file);
                if (!text.contains("-----BEGIN CERTIFICATE-----"))
                {
                    throw new IllegalArgumentException("--tls-ca-cert-files: '" + file + "': no PEM certificate in it");
                }
                pem.writeBytes(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                pem.write('\n');
            }
            catch (final IOException ex)
            {
                throw new IllegalArgumentException("--tls-ca-cert-files: '" + file + "': cannot read it: " + RootCause.message(ex), ex);
            }
        }
        try
        {
            return TlsChannelCredentials.newBuilder().trustManager(new ByteArrayInputStream(pem.toByteArray())).build();
        }
        catch (final IOException | RuntimeException ex)
        {
            throw new IllegalArgumentException("--tls-ca-cert-files: " + caFiles + ": bad certificate: " + RootCause.message(ex), ex);
        }
    }
}
