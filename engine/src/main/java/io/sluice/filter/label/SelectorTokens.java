package io.sluice.filter.label;

import java.util.ArrayList;
import java.util.List;

/**
 * apimachinery's label selector lexer: the selector's tokens, read once, and a cursor over them for the parser.
 * Spaces, tabs and line breaks separate tokens; {@code in} and {@code notin} are words only where an operator is
 * expected, so the parser says at each step whether it expects values.
 */
final class SelectorTokens
{
    /** A token's kind. */
    enum Kind
    {
        END, OPEN, CLOSE, COMMA, NOT, EQUALS, DOUBLE_EQUALS, NOT_EQUALS, GREATER, LESS, IN, NOT_IN, IDENTIFIER
    }

    /** A token, its text and where it starts (0-based). */
    record Token(Kind kind, String text, int start)
    {
        /** @return the token as an error message shows it. */
        String shown()
        {
            return kind == Kind.END ? "end of string" : "'" + text + "'";
        }
    }

    private final List<Token> tokens = new ArrayList<>();
    private int position;

    SelectorTokens(final String selector)
    {
        final int length = selector.length();
        int i = 0;
        while (true)
        {
            while (i < length && isWhitespace(selector.charAt(i)))
            {
                i++;
            }
            if (i == length)
            {
                tokens.add(new Token(Kind.END, "", i));
                return;
            }
            final char c = selector.charAt(i);
            if (isSpecial(c))
            {
                i = operator(selector, i);
                continue;
            }
            final int start = i;
            while (i < length && !isSpecial(selector.charAt(i)) && !isWhitespace(selector.charAt(i)))
            {
                i++;
            }
            final String word = selector.substring(start, i);
            tokens.add(new Token(word.equals("in") ? Kind.IN : word.equals("notin") ? Kind.NOT_IN : Kind.IDENTIFIER, word, start));
        }
    }

    /** Adds the operator or punctuation at {@code i}; returns the index after it. */
    private int operator(final String selector, final int i)
    {
        final char c = selector.charAt(i);
        // the longest operator: "==" and "!=" are the only two-character ones
        if ((c == '=' || c == '!') && i + 1 < selector.length() && selector.charAt(i + 1) == '=')
        {
            tokens.add(new Token(c == '=' ? Kind.DOUBLE_EQUALS : Kind.NOT_EQUALS, selector.substring(i, i + 2), i));
            return i + 2;
        }
        final Kind kind = switch (c)
        {
            case '(' -> Kind.OPEN;
            case ')' -> Kind.CLOSE;
            case ',' -> Kind.COMMA;
            case '!' -> Kind.NOT;
            case '=' -> Kind.EQUALS;
            case '>' -> Kind.GREATER;
            default -> Kind.LESS;
        };
        tokens.add(new Token(kind, String.valueOf(c), i));
        return i + 1;
    }

    private static boolean isWhitespace(final char c)
    {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isSpecial(final char c)
    {
        return c == '=' || c == '!' || c == '(' || c == ')' || c == ',' || c == '>' || c == '<';
    }

    /**
     * @param values true where values are expected: {@code in} and {@code notin} are then identifiers.
     * @return the next token, not consumed ({@link Kind#END} at and after the end).
     */
    Token lookahead(final boolean values)
    {
        final Token token = tokens.get(Math.min(position, tokens.size() - 1));
        if (values && (token.kind() == Kind.IN || token.kind() == Kind.NOT_IN))
        {
            return new Token(Kind.IDENTIFIER, token.text(), token.start());
        }
        return token;
    }

    /** @return the next token, consumed; see {@link #lookahead}. */
    Token consume(final boolean values)
    {
        final Token token = lookahead(values);
        position++;
        return token;
    }
}
