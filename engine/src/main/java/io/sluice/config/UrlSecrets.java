package io.sluice.config;

import java.util.regex.Pattern;

/**
 * Text that may carry a destination URL, as it may be shown (by {@code validate}, in a configuration error): the
 * password of every {@code scheme://user:password@} and the value of every {@code sharedKey} parameter replaced by
 * {@code ***}, so that no secret written in a config file or a flag leaves the process in the text Sluice prints.
 */
public final class UrlSecrets
{
    private static final Pattern PASSWORD = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^/@:?#\\s']*):[^/@?#\\s']*@");
    /** A further {@code user:password@} of a comma-separated authority ({@code kafka://u:p@b1:9092,v:q@b2:9092/t}). */
    private static final Pattern LISTED_PASSWORD = Pattern.compile("(,[^/@:?#,\\s']*):[^/@?#,\\s']*@");
    private static final Pattern SHARED_KEY = Pattern.compile("([?&](?i:sharedKey)=)[^&#\\s']*");

    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(password|secret|sharedkey|token|jaas|credential|\\.key$).*");

    private UrlSecrets()
    {
    }

    /**
     * @param text a url, or a message quoting one; may be null.
     * @return the text with its secrets masked (null for null).
     */
    public static String masked(final String text)
    {
        if (text == null)
        {
            return null;
        }
        final String users = LISTED_PASSWORD.matcher(PASSWORD.matcher(text).replaceAll("$1:***@")).replaceAll("$1:***@");
        return SHARED_KEY.matcher(users).replaceAll("$1***");
    }

    /**
     * @param key   a destination's own key ({@code sharedKey}, {@code kafka.sasl.jaas.config}).
     * @param value its value.
     * @return the value as it may be shown: {@code ***} for a key that names a secret (a password, a shared key, a
     *         token, JAAS config, credentials) and has a value, else the value with its URL secrets {@link #masked}.
     */
    public static String maskedOption(final String key, final String value)
    {
        return SECRET_KEY.matcher(key).matches() && value != null && !value.isEmpty() ? "***" : masked(value);
    }
}
