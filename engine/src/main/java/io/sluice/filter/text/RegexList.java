package io.sluice.filter.text;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.sluice.config.ConfigException;

import java.util.List;

/**
 * A list of RE2 regular expressions (re2j: linear time), compiled once; text matches when any expression finds a
 * match anywhere in it (unanchored, like Go's {@code MatchString}).
 * <p>
 * Allocation-free in steady state: the verdict of the last texts seen is cached ({@link TextCache}, keys compared
 * in full), so a text seen recently (executables, paths and command lines repeat) costs a hash and a comparison.
 * On a miss the text is copied into a builder the matchers were bound to once, so re2j does not wrap it again;
 * re2j itself still allocates per search (its input cursor, and the match bounds when it matches: a few dozen
 * bytes). Texts longer than {@link #MAX_CHARS} chars are not cached. The cache holds 2 x {@link #SETS} texts, its
 * key storage allocated as slots fill (at most 256 KB, a few KB for paths).
 * <p>
 * Not thread-safe: one per filter, used by the thread that runs the filter.
 */
public final class RegexList
{
    /** Sets of two cached verdicts. */
    static final int SETS = 64;
    /** The longest text whose verdict is cached. */
    static final int MAX_CHARS = 1024;

    private final Matcher[] matchers;
    private final Utf8Text text = new Utf8Text();
    private final TextCache verdicts;

    /**
     * @param origin  the flag or file, for errors.
     * @param field   the filter field, for errors.
     * @param sources the expressions.
     * @throws ConfigException for a bad expression.
     */
    public RegexList(final String origin, final String field, final List<String> sources)
    {
        this(origin, field, sources, new TextCache(SETS, MAX_CHARS, 1));
    }

    /** With a given cache (tests use tiny ones to force evictions). */
    RegexList(final String origin, final String field, final List<String> sources, final TextCache verdicts)
    {
        matchers = new Matcher[sources.size()];
        for (int i = 0; i < matchers.length; i++)
        {
            try
            {
                matchers[i] = Pattern.compile(sources.get(i)).matcher(text.text());
            }
            catch (final PatternSyntaxException ex)
            {
                throw new ConfigException(origin, field, sources.get(i), "bad regular expression: " + ex.getDescription());
            }
        }
        this.verdicts = verdicts;
    }

    /**
     * @param text the text.
     * @return true when any expression matches somewhere in it.
     */
    public boolean any(final CharSequence text)
    {
        final int slot = verdicts.lookup(text);
        if (slot >= 0)
        {
            return verdicts.value(slot, 0) != 0;
        }
        final StringBuilder own = this.text.text();
        if (text != own)
        {
            own.setLength(0);
            own.append(text);
        }
        final boolean any = search();
        verdicts.store(own, any ? 1 : 0);
        return any;
    }

    /**
     * @param bytes  the text, UTF-8 (decoded as {@code new String(bytes, UTF_8)} would).
     * @param offset where it starts.
     * @param length how many bytes.
     * @return true when any expression matches somewhere in it.
     */
    public boolean any(final byte[] bytes, final int offset, final int length)
    {
        final int slot = verdicts.lookupAscii(bytes, offset, length);
        if (slot == TextCache.NOT_ASCII)
        {
            return any(text.of(bytes, offset, length));
        }
        if (slot >= 0)
        {
            return verdicts.value(slot, 0) != 0;
        }
        final CharSequence own = text.of(bytes, offset, length);
        final boolean any = search();
        verdicts.store(own, any ? 1 : 0);
        return any;
    }

    /** Run the expressions on {@link #text} (what the matchers are bound to). */
    private boolean search()
    {
        for (final Matcher matcher : matchers)
        {
            if (matcher.reset().find())
            {
                return true;
            }
        }
        return false;
    }
}
