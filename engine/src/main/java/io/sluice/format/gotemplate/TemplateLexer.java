package io.sluice.format.gotemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a template into {@link Token}s the way Go's {@code text/template/parse} lexer does: text between actions,
 * trim markers ({@code {{- } and { -}}}) removing the adjacent white space, comments dropped, and inside actions
 * spaces, words, fields, variables, quoted strings, characters and numbers. Works on the UTF-8 bytes so that positions
 * are Go's byte offsets.
 */
final class TemplateLexer
{
    private static final Map<String, Integer> KEYWORDS = Map.ofEntries(
        Map.entry(".", Token.DOT), Map.entry("block", Token.BLOCK), Map.entry("break", Token.BREAK),
        Map.entry("continue", Token.CONTINUE), Map.entry("define", Token.DEFINE), Map.entry("else", Token.ELSE),
        Map.entry("end", Token.END), Map.entry("if", Token.IF), Map.entry("range", Token.RANGE),
        Map.entry("nil", Token.NIL), Map.entry("template", Token.TEMPLATE), Map.entry("with", Token.WITH));

    private final String name;
    private final byte[] input;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int start;
    private int line = 1;
    private int startLine = 1;
    private int parenDepth;

    private TemplateLexer(final String name, final byte[] input)
    {
        this.name = name;
        this.input = input;
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
        return lexer.tokens;
    }

    private void run()
    {
        while (true)
        {
            final int delim = indexOf("{{", pos);
            if (delim < 0)
            {
                pos = input.length;
                if (pos > start)
                {
                    emit(Token.TEXT);
                }
                tokens.add(new Token(Token.EOF, pos, pos, line, ""));
                return;
            }
            final boolean trim = hasLeftTrimMarker(delim + 2);
            int textEnd = delim;
            if (trim)
            {
                while (textEnd > start && isSpace(input[textEnd - 1]))
                {
                    textEnd--;
                }
            }
            if (textEnd > start)
            {
                pos = textEnd;
                emit(Token.TEXT);
            }
            moveTo(delim);
            ignore();
            leftDelim(trim);
        }
    }

    private void leftDelim(final boolean trim)
    {
        moveTo(pos + 2);
        final int afterMarker = trim ? 2 : 0;
        if (startsWith("/*", pos + afterMarker))
        {
            moveTo(pos + afterMarker);
            ignore();
            comment();
            return;
        }
        emit(Token.LEFT_DELIM);
        moveTo(pos + afterMarker);
        ignore();
        parenDepth = 0;
        insideAction();
    }

    private void comment()
    {
        final int close = indexOf("*/", pos + 2);
        if (close < 0)
        {
            throw error("unclosed comment");
        }
        moveTo(close + 2);
        final int delim = atRightDelim();
        if (delim < 0)
        {
            throw error("comment ends before closing delimiter");
        }
        ignore();
        moveTo(pos + (delim == 1 ? 2 : 0) + 2);
        if (delim == 1)
        {
            skipLeadingSpace();
        }
        ignore();
    }

    /**
     * @return -1 when not at the right delimiter, 0 at {@code }}}, 1 at { -}}}.
     */
    private int atRightDelim()
    {
        if (pos + 1 < input.length && isSpace(input[pos]) && input[pos + 1] == '-' && startsWith("}}", pos + 2))
        {
            return 1;
        }
        return startsWith("}}", pos) ? 0 : -1;
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
                    throw error("unclosed left paren");
                }
                rightDelim(delim == 1);
                return;
            }
            if (pos >= input.length)
            {
                throw error("unclosed action");
            }
            final int c = input[pos] & 0xFF;
            if (isSpace(input[pos]))
            {
                space();
                continue;
            }
            pos++;
            switch (c)
            {
                case '=' -> emit(Token.ASSIGN);
                case ':' ->
                {
                    if (pos >= input.length || input[pos] != '=')
                    {
                        throw error("expected :=");
                    }
                    pos++;
                    emit(Token.DECLARE);
                }
                case '|' -> emit(Token.PIPE);
                case '"' -> quote();
                case '`' -> rawQuote();
                case '$' -> fieldOrVariable(Token.VARIABLE);
                case '\'' -> charConstant();
                case '(' ->
                {
                    emit(Token.LEFT_PAREN);
                    parenDepth++;
                }
                case ')' ->
                {
                    emit(Token.RIGHT_PAREN);
                    parenDepth--;
                    if (parenDepth < 0)
                    {
                        throw error("unexpected right paren");
                    }
                }
                default -> other(c);
            }
        }
    }

    private void other(final int c)
    {
        if (c == '.' && pos < input.length && (input[pos] < '0' || input[pos] > '9'))
        {
            fieldOrVariable(Token.FIELD);
        }
        else if (c == '.' || c == '+' || c == '-' || (c >= '0' && c <= '9'))
        {
            pos--;
            number();
        }
        else if (isAlphaNumeric(c) || c >= 0x80 && Character.isLetterOrDigit(runeAt(pos - 1)))
        {
            pos--;
            identifier();
        }
        else if (c < 0x80 && c > ' ' && c < 0x7F)
        {
            emit(Token.CHAR);
        }
        else
        {
            pos--;
            throw error("unrecognized character in action: " + GoQuote.unicodeName(runeAt(pos)));
        }
    }

    private void rightDelim(final boolean trim)
    {
        if (trim)
        {
            moveTo(pos + 2);
            ignore();
        }
        moveTo(pos + 2);
        emit(Token.RIGHT_DELIM);
        if (trim)
        {
            skipLeadingSpace();
            ignore();
        }
    }

    private void space()
    {
        int spaces = 0;
        while (pos < input.length && isSpace(input[pos]))
        {
            if (input[pos] == '\n')
            {
                line++;
            }
            pos++;
            spaces++;
        }
        if (pos < input.length && input[pos] == '-' && startsWith("}}", pos + 1))
        {
            pos--;
            if (input[pos] == '\n')
            {
                line--;
            }
            if (spaces == 1)
            {
                return;
            }
        }
        emit(Token.SPACE);
    }

    private void identifier()
    {
        while (pos < input.length && isWordByte(input[pos]))
        {
            pos++;
        }
        checkTerminator();
        final String word = new String(input, start, pos - start, StandardCharsets.UTF_8);
        final Integer keyword = KEYWORDS.get(word);
        if (keyword != null)
        {
            emit(keyword);
        }
        else if (word.equals("true") || word.equals("false"))
        {
            emit(Token.BOOL);
        }
        else
        {
            emit(Token.IDENTIFIER);
        }
    }

    private void fieldOrVariable(final int type)
    {
        if (atTerminator())
        {
            emit(type == Token.VARIABLE ? Token.VARIABLE : Token.DOT);
            return;
        }
        while (pos < input.length && isWordByte(input[pos]))
        {
            pos++;
        }
        checkTerminator();
        emit(type);
    }

    private void checkTerminator()
    {
        if (!atTerminator())
        {
            throw error("bad character " + GoQuote.unicodeName(runeAt(pos)));
        }
    }

    private boolean atTerminator()
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

    private void quote()
    {
        while (true)
        {
            if (pos >= input.length || input[pos] == '\n')
            {
                throw error("unterminated quoted string");
            }
            final byte c = input[pos++];
            if (c == '\\' && pos < input.length && input[pos] != '\n')
            {
                pos++;
            }
            else if (c == '"')
            {
                emit(Token.STRING);
                return;
            }
        }
    }

    private void rawQuote()
    {
        while (true)
        {
            if (pos >= input.length)
            {
                throw error("unterminated raw quoted string");
            }
            final byte c = input[pos++];
            if (c == '\n')
            {
                line++;
            }
            else if (c == '`')
            {
                emit(Token.RAW_STRING);
                return;
            }
        }
    }

    private void charConstant()
    {
        while (true)
        {
            if (pos >= input.length || input[pos] == '\n')
            {
                throw error("unterminated character constant");
            }
            final byte c = input[pos++];
            if (c == '\\' && pos < input.length && input[pos] != '\n')
            {
                pos++;
            }
            else if (c == '\'')
            {
                emit(Token.CHAR_CONSTANT);
                return;
            }
        }
    }

    private void number()
    {
        accept("+-");
        String digits = "0123456789_";
        if (accept("0"))
        {
            if (accept("xX"))
            {
                digits = "0123456789abcdefABCDEF_";
            }
            else if (accept("oO"))
            {
                digits = "01234567_";
            }
            else if (accept("bB"))
            {
                digits = "01_";
            }
        }
        acceptRun(digits);
        if (accept("."))
        {
            acceptRun(digits);
        }
        if (digits.length() == 11 && accept("eE"))
        {
            accept("+-");
            acceptRun("0123456789_");
        }
        if (digits.length() == 23 && accept("pP"))
        {
            accept("+-");
            acceptRun("0123456789_");
        }
        accept("i");
        if (pos < input.length && isWordByte(input[pos]))
        {
            pos++;
            throw error("bad number syntax: " + GoQuote.quote(new String(input, start, pos - start, StandardCharsets.UTF_8)));
        }
        emit(Token.NUMBER);
    }

    private boolean accept(final String valid)
    {
        if (pos < input.length && valid.indexOf(input[pos]) >= 0)
        {
            pos++;
            return true;
        }
        return false;
    }

    private void acceptRun(final String valid)
    {
        while (accept(valid))
        {
            // consumed
        }
    }

    private boolean hasLeftTrimMarker(final int at)
    {
        return at + 1 < input.length && input[at] == '-' && isSpace(input[at + 1]);
    }

    private void skipLeadingSpace()
    {
        while (pos < input.length && isSpace(input[pos]))
        {
            if (input[pos] == '\n')
            {
                line++;
            }
            pos++;
        }
    }

    private void moveTo(final int to)
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

    private void emit(final int type)
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

    private void ignore()
    {
        start = pos;
        startLine = line;
    }

    private int indexOf(final String what, final int from)
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

    private boolean startsWith(final String what, final int at)
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

    private int runeAt(final int at)
    {
        if (at >= input.length)
        {
            return -1;
        }
        final int end = Math.min(input.length, at + 4);
        final String s = new String(input, at, end - at, StandardCharsets.UTF_8);
        return s.codePointAt(0);
    }

    private TemplateSyntaxException error(final String message)
    {
        return new TemplateSyntaxException("template: " + TokenCursor.location(name, input, start) + ": " + message);
    }

    static boolean isSpace(final byte c)
    {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isAlphaNumeric(final int c)
    {
        return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isWordByte(final byte c)
    {
        return isAlphaNumeric(c & 0xFF) || c < 0;
    }
}
