package io.sluice.destination.url;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A destination URL as it may be shown (by {@code validate}, in a report): the password of its {@code user:password@}
 * and the value of a {@code sharedKey} parameter replaced by {@code ***}, so that no secret written in a config file
 * leaves the process in the text Sluice prints.
 */
public final class UrlSecrets
{
    private static final Pattern PASSWORD = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://[^/@:?#]*):[^/@?#]*@");
    private static final Pattern SHARED_KEY = Pattern.compile("([?&](?i:sharedKey)=)[^&#]*");

    private UrlSecrets()
    {
    }

    /**
     * @param url a destination's url, or null.
     * @return the url with its secrets masked (null for null).
     */
    public static String masked(final String url)
    {
        if (url == null)
        {
            return null;
        }
        final Matcher password = PASSWORD.matcher(url);
        final String withoutPassword = password.find() ? password.replaceFirst("$1:***@") : url;
        return SHARED_KEY.matcher(withoutPassword).replaceAll("$1***");
    }
}
