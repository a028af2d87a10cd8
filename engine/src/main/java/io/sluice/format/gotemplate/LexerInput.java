package io.sluice.format.gotemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The lexer's position in a template's bytes: where the current token started, its line, the tokens so far, and the
 * byte tests Go's lexer uses (space, word characters, what ends a word).
 */
final class LexerInput
{
    final String name;
    final byte[] input;
    final List<Token> tokens = new ArrayList<>();
    int pos;
    int start;
    int line = 1;
    private int startLine = 1;

    LexerInput(final String name, final byte[] input)
    {
        this.name = name;
        this.input = input;
    }

    boolean atEnd()
    {
        return pos >= input.length;
    }

    byte at(final int index)
    {
        return input[index];
    }

    void moveTo(final int to)
    {
        for (int i = pos; i < to && i < input.length; i++)
        {
            if (input[i] == '\n')
            {
                line++;
            }
        }
        pos = to;
    }

    void emit(final int type)
    {
        if (type == Token.TEXT)
        {
            for (int i = start; i < pos; i++)
            {
                if (input[i] == '\n')
                {
                    line++;
                }
            }
        }
        tokens.add(new Token(type, start, pos, startLine, new String(input, start, pos - start, StandardCharsets.UTF_8)));
        start = pos;
        startLine = line;
    }

    void ignore()
    {
        start = pos;
        startLine = line;
    }

    boolean accept(final String valid)
    {
        if (pos < input.length && valid.indexOf(input[pos]) >= 0)
        {
            pos++;
            return true;
        }
        return false;
    }

    void acceptRun(final String valid)
    {
        while (accept(valid))
        {
            // consumed
        }
    }

    int indexOf(final String what, final int from)
    {
        for (int i = from; i + what.length() <= input.length; i++)
        {
            if (startsWith(what, i))
            {
                return i;
            }
        }
        return -1;
    }

    boolean startsWith(final String what, final int at)
    {
        if (at < 0 || at + what.length() > input.length)
        {
            return false;
        }
        for (int i = 0; i < what.length(); i++)
        {
            if (input[at + i] != what.charAt(i))
            {
                return false;
            }
        }
        return true;
    }

    int runeAt(final int at)
    {
        if (at >= input.length)
        {
            return -1;
        }
        final int end = Math.min(input.length, at + 4);
        return new String(input, at, end - at, StandardCharsets.UTF_8).codePointAt(0);
    }

    /**
     * @return true at what ends a word in Go's lexer: space, end of input, {@code . , | : ( )} or the right delimiter.
     */
    boolean atTerminator()
    {
        if (pos >= input.length)
        {
            return true;
        }
        final byte c = input[pos];
        if (isSpace(c))
        {
            return true;
        }
        return switch (c)
        {
            case '.', ',', '|', ':', ')', '(' -> true;
            default -> startsWith("}}", pos);
        };
    }

    void checkTerminator()
    {
        if (!atTerminator())
        {
            throw error("bad character " + GoQuote.unicodeName(runeAt(pos)));
        }
    }

    TemplateSyntaxException error(final String message)
    {
        return new TemplateSyntaxException("template: " + TokenCursor.location(name, input, start) + ": " + message);
    }

    static boolean isSpace(final byte c)
    {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    static boolean isAlphaNumeric(final int c)
    {
        return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isWordByte(final byte c)
    {
        return isAlphaNumeric(c & 0xFF) || c < 0;
    }
}
