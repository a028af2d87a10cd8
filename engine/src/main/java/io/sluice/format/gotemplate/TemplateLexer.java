package io.sluice.format.gotemplate;

import java.util.List;

/**
 * Splits a template into {@link Token}s the way Go's {@code text/template/parse} lexer does: text between actions,
 * trim markers ({@code {{- } and { -}}}) removing the adjacent white space, comments dropped, and inside actions
 * spaces, punctuation and the words of {@link ActionWords}. Works on the UTF-8 bytes so that positions are Go's byte
 * offsets.
 */
final class TemplateLexer
{
    private final LexerInput in;
    private final ActionWords words;
    private int parenDepth;

    private TemplateLexer(final String name, final byte[] input)
    {
        this.in = new LexerInput(name, input);
        this.words = new ActionWords(in);
    }

    /**
     * @param name  the template's name, for messages.
     * @param input the template's UTF-8 text.
     * @return its tokens, ending with {@link Token#EOF}.
     * @throws TemplateSyntaxException for what Go's lexer refuses (an unclosed action, a bad number...).
     */
    static List<Token> lex(final String name, final byte[] input)
    {
        final TemplateLexer lexer = new TemplateLexer(name, input);
        lexer.run();
        return lexer.in.tokens;
    }

    static boolean isSpace(final byte c)
    {
        return LexerInput.isSpace(c);
    }

    private void run()
    {
        while (true)
        {
            final int delim = in.indexOf("{{", in.pos);
            if (delim < 0)
            {
                in.pos = in.input.length;
                if (in.pos > in.start)
                {
                    in.emit(Token.TEXT);
                }
                in.tokens.add(new Token(Token.EOF, in.pos, in.pos, in.line, ""));
                return;
            }
            final boolean trim = delim + 3 < in.input.length && in.at(delim + 2) == '-' && isSpace(in.at(delim + 3));
            int textEnd = delim;
            if (trim)
            {
                while (textEnd > in.start && isSpace(in.at(textEnd - 1)))
                {
                    textEnd--;
                }
            }
            if (textEnd > in.start)
            {
                in.pos = textEnd;
                in.emit(Token.TEXT);
            }
            in.moveTo(delim);
            in.ignore();
            leftDelim(trim);
        }
    }

    private void leftDelim(final boolean trim)
    {
        in.moveTo(in.pos + 2);
        final int afterMarker = trim ? 2 : 0;
        if (in.startsWith("/*", in.pos + afterMarker))
        {
            in.moveTo(in.pos + afterMarker);
            in.ignore();
            comment();
            return;
        }
        in.emit(Token.LEFT_DELIM);
        in.moveTo(in.pos + afterMarker);
        in.ignore();
        parenDepth = 0;
        insideAction();
    }

    private void comment()
    {
        final int close = in.indexOf("*/", in.pos + 2);
        if (close < 0)
        {
            throw in.error("unclosed comment");
        }
        in.moveTo(close + 2);
        final int delim = atRightDelim();
        if (delim < 0)
        {
            throw in.error("comment ends before closing delimiter");
        }
        in.ignore();
        in.moveTo(in.pos + (delim == 1 ? 2 : 0) + 2);
        if (delim == 1)
        {
            skipLeadingSpace();
        }
        in.ignore();
    }

    /**
     * @return -1 when not at the right delimiter, 0 at {@code }}}, 1 at { -}}}.
     */
    private int atRightDelim()
    {
        final int pos = in.pos;
        if (pos + 1 < in.input.length && isSpace(in.at(pos)) && in.at(pos + 1) == '-' && in.startsWith("}}", pos + 2))
        {
            return 1;
        }
        return in.startsWith("}}", pos) ? 0 : -1;
    }

    private void insideAction()
    {
        while (true)
        {
            final int delim = atRightDelim();
            if (delim >= 0)
            {
                if (parenDepth != 0)
                {
                    throw in.error("unclosed left paren");
                }
                rightDelim(delim == 1);
                return;
            }
            if (in.atEnd())
            {
                throw in.error("unclosed action");
            }
            if (isSpace(in.at(in.pos)))
            {
                space();
                continue;
            }
            final int c = in.at(in.pos++) & 0xFF;
            punctuation(c);
        }
    }

    private void punctuation(final int c)
    {
        switch (c)
        {
            case '=' -> in.emit(Token.ASSIGN);
            case ':' ->
            {
                if (!in.accept("="))
                {
                    throw in.error("expected :=");
                }
                in.emit(Token.DECLARE);
            }
            case '|' -> in.emit(Token.PIPE);
            case '"' -> words.quote();
            case '`' -> words.rawQuote();
            case '$' -> words.fieldOrVariable(Token.VARIABLE);
            case '\'' -> words.charConstant();
            case '(' ->
            {
                in.emit(Token.LEFT_PAREN);
                parenDepth++;
            }
            case ')' ->
            {
                in.emit(Token.RIGHT_PAREN);
                parenDepth--;
                if (parenDepth < 0)
                {
                    throw in.error("unexpected right paren");
                }
            }
            default -> other(c);
        }
    }

    private void other(final int c)
    {
        final boolean digitNext = !in.atEnd() && in.at(in.pos) >= '0' && in.at(in.pos) <= '9';
        if (c == '.' && !in.atEnd() && !digitNext)
        {
            words.fieldOrVariable(Token.FIELD);
        }
        else if (c == '.' || c == '+' || c == '-' || (c >= '0' && c <= '9'))
        {
            in.pos--;
            words.number();
        }
        else if (LexerInput.isAlphaNumeric(c) || c >= 0x80 && Character.isLetterOrDigit(in.runeAt(in.pos - 1)))
        {
            in.pos--;
            words.identifier();
        }
        else if (c > ' ' && c < 0x7F)
        {
            in.emit(Token.CHAR);
        }
        else
        {
            in.pos--;
            throw in.error("unrecognized character in action: " + GoQuote.unicodeName(in.runeAt(in.pos)));
        }
    }

    private void rightDelim(final boolean trim)
    {
        if (trim)
        {
            in.moveTo(in.pos + 2);
            in.ignore();
        }
        in.moveTo(in.pos + 2);
        in.emit(Token.RIGHT_DELIM);
        if (trim)
        {
            skipLeadingSpace();
            in.ignore();
        }
    }

    /**
     * Spaces inside an action, leaving the one before a {@code -}}} to the right delimiter.
     */
    private void space()
    {
        int spaces = 0;
        while (!in.atEnd() && isSpace(in.at(in.pos)))
        {
            if (in.at(in.pos) == '\n')
            {
                in.line++;
            }
            in.pos++;
            spaces++;
        }
        if (!in.atEnd() && in.at(in.pos) == '-' && in.startsWith("}}", in.pos + 1))
        {
            in.pos--;
            if (in.at(in.pos) == '\n')
            {
                in.line--;
            }
            if (spaces == 1)
            {
                return;
            }
        }
        in.emit(Token.SPACE);
    }

    private void skipLeadingSpace()
    {
        while (!in.atEnd() && isSpace(in.at(in.pos)))
        {
            if (in.at(in.pos) == '\n')
            {
                in.line++;
            }
            in.pos++;
        }
    }
}
