package io.sluice.destination.forward;

import io.sluice.config.Setting;

import io.sluice.destination.url.UrlSettings;

import java.net.URI;
import java.util.Map;
import java.util.function.Function;

/**
 * The rules of a forward destination's handshake and TLS settings, which depend on each other and on the URL: a
 * {@code user:password@} needs both parts (as Tracee requires), {@code tlsVerify} and {@code tlsCa} need TLS on,
 * {@code selfHostname} needs a handshake ({@code sharedKey} or a user), a {@code tls://} URL cannot say
 * {@code tls=false}, and {@code tlsCa} must be a readable file of PEM certificates. Each refusal names its setting.
 */
final class ForwardSecurityRules
{
    private ForwardSecurityRules()
    {
    }

    /**
     * @param url    the {@code url} setting.
     * @param uri    it parsed.
     * @param values every setting's validated value.
     * @param given  a setting as given (a key or a non-empty URL parameter), or null when not given.
     * @throws io.sluice.config.ConfigException naming the offending setting.
     */
    static void check(final Setting<String> url, final URI uri, final Map<String, String> values,
        final Function<String, Setting<String>> given)
    {
        final String userInfo = uri.getUserInfo();
        if (userInfo != null && (userInfo.indexOf(':') <= 0))
        {
            throw url.error("a user needs a password (user:password@), as Tracee requires both or neither");
        }
        final boolean tlsScheme = UrlSettings.scheme(uri).equals("tls");
        final Setting<String> tls = given.apply(ForwardSettings.TLS);
        if (tlsScheme && tls != null && values.get(ForwardSettings.TLS).equals("false"))
        {
            throw tls.error("a tls:// URL is always TLS");
        }
        if (!tlsScheme && values.get(ForwardSettings.TLS).equals("false"))
        {
            refuseWithout(given.apply(ForwardSettings.TLS_VERIFY), "only with tls=true (or a tls:// URL)");
            refuseWithout(given.apply(ForwardSettings.TLS_CA), "only with tls=true (or a tls:// URL)");
        }
        if (values.get(ForwardSettings.SHARED_KEY).isEmpty() && userInfo == null)
        {
            refuseWithout(given.apply(ForwardSettings.SELF_HOSTNAME),
                "only with a handshake (sharedKey, or user:password@ in the URL)");
        }
    }

    /**
     * @param setting the {@code tlsCa} setting.
     * @param value   its value, trimmed.
     * @return the value, once the file was read as PEM certificates.
     * @throws io.sluice.config.ConfigException when it cannot be read or holds no certificate.
     */
    static String readableFile(final Setting<String> setting, final String value)
    {
        try
        {
            ForwardTlsContext.trusting(value);
        }
        catch (final IllegalArgumentException ex)
        {
            throw setting.error(ex.getMessage());
        }
        return value;
    }

    private static void refuseWithout(final Setting<String> setting, final String problem)
    {
        if (setting != null)
        {
            throw setting.error(problem);
        }
    }
}
