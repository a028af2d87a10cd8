package io.sluice.format.gotemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The parser's position in a template's tokens, with Go's look-ahead (spaces are tokens, skipped on request) and
 * Go's parse errors: {@code template: NAME:LINE:COL: unexpected "}" in operand}.
 */
final class TokenCursor
{
    final String name;
    final byte[] input;
    private final List<Token> tokens;
    private int index;

    TokenCursor(final String name, final byte[] input, final List<Token> tokens)
    {
        this.name = name;
        this.input = input;
        this.tokens = tokens;
    }

    Token peek()
    {
        return tokens.get(index);
    }

    Token next()
    {
        return tokens.get(index++);
    }

    void backup()
    {
        index--;
    }

    Token nextNonSpace()
    {
        index = nonSpace(index);
        return tokens.get(index++);
    }

    Token peekNonSpace()
    {
        return tokens.get(nonSpace(index));
    }

    /**
     * @param n how many non-space tokens to look past.
     * @return the non-space token after them.
     */
    Token peekNonSpace(final int n)
    {
        int at = nonSpace(index);
        for (int i = 0; i < n; i++)
        {
            at = nonSpace(at + 1);
        }
        return tokens.get(at);
    }

    /**
     * Skip {@code n} non-space tokens (and the spaces before them).
     */
    void skipNonSpace(final int n)
    {
        for (int i = 0; i < n; i++)
        {
            nextNonSpace();
        }
    }

    void skipSpaces()
    {
        index = nonSpace(index);
    }

    Token last()
    {
        return tokens.get(Math.max(0, index - 1));
    }

    private int nonSpace(final int from)
    {
        int at = from;
        while (tokens.get(at).type == Token.SPACE)
        {
            at++;
        }
        return at;
    }

    void expect(final int type, final String context)
    {
        final Token token = nextNonSpace();
        if (token.type != type)
        {
            throw unexpected(token, context);
        }
    }

    String source(final int from, final int to)
    {
        return new String(input, from, Math.max(0, to - from), StandardCharsets.UTF_8).trim();
    }

    String unquote(final Token token)
    {
        try
        {
            return GoQuote.unquote(token.text);
        }
        catch (final IllegalArgumentException ex)
        {
            throw error("invalid syntax: " + token.text);
        }
    }

    TemplateSyntaxException unexpected(final Token token, final String context)
    {
        return error("unexpected " + token.describe() + " in " + context);
    }

    TemplateSyntaxException error(final String message)
    {
        return new TemplateSyntaxException("template: " + location(name, input, last().start) + ": " + message);
    }

    /**
     * @return {@code NAME:LINE:COL}, the column counted as Go counts it (bytes from the line's start, from 0).
     */
    static String location(final String name, final byte[] input, final int position)
    {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < position && i < input.length; i++)
        {
            if (input[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return name + ":" + line + ":" + (position - lineStart);
    }
}
