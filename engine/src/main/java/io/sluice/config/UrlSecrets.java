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
    private static final Pattern SHARED_KEY = Pattern.compile("([?&](?i:sharedKey)=)[^&#\\s']*");

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
        return SHARED_KEY.matcher(PASSWORD.matcher(text).replaceAll("$1:***@")).replaceAll("$1***");
    }
}
