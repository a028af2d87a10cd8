package io.sluice.format.gotemplate;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The words inside an action, lexed as Go does: identifiers and keywords, fields and variables, quoted, raw and
 * character literals, and numbers (signs, {@code 0x}/{@code 0o}/{@code 0b} prefixes, underscores, fractions,
 * exponents).
 */
final class ActionWords
{
    private static final Map<String, Integer> KEYWORDS = Map.ofEntries(
        Map.entry(".", Token.DOT), Map.entry("block", Token.BLOCK), Map.entry("break", Token.BREAK),
        Map.entry("continue", Token.CONTINUE), Map.entry("define", Token.DEFINE), Map.entry("else", Token.ELSE),
        Map.entry("end", Token.END), Map.entry("if", Token.IF), Map.entry("range", Token.RANGE),
        Map.entry("nil", Token.NIL), Map.entry("template", Token.TEMPLATE), Map.entry("with", Token.WITH));

    private final LexerInput in;

    ActionWords(final LexerInput in)
    {
        this.in = in;
    }

    void identifier()
    {
        while (!in.atEnd() && LexerInput.isWordByte(in.at(in.pos)))
        {
            in.pos++;
        }
        in.checkTerminator();
        final String word = new String(in.input, in.start, in.pos - in.start, StandardCharsets.UTF_8);
        final Integer keyword = KEYWORDS.get(word);
        if (keyword != null)
        {
            in.emit(keyword);
        }
        else if (word.equals("true") || word.equals("false"))
        {
            in.emit(Token.BOOL);
        }
        else
        {
            in.emit(Token.IDENTIFIER);
        }
    }

    /**
     * After {@code .} or {@code $}: a field or variable name, or dot / {@code $} alone.
     */
    void fieldOrVariable(final int type)
    {
        if (in.atTerminator())
        {
            in.emit(type == Token.VARIABLE ? Token.VARIABLE : Token.DOT);
            return;
        }
        while (!in.atEnd() && LexerInput.isWordByte(in.at(in.pos)))
        {
            in.pos++;
        }
        in.checkTerminator();
        in.emit(type);
    }

    void quote()
    {
        while (true)
        {
            if (in.atEnd() || in.at(in.pos) == '\n')
            {
                throw in.error("unterminated quoted string");
            }
            final byte c = in.at(in.pos++);
            if (c == '\\' && !in.atEnd() && in.at(in.pos) != '\n')
            {
                in.pos++;
            }
            else if (c == '"')
            {
                in.emit(Token.STRING);
                return;
            }
        }
    }

    void rawQuote()
    {
        while (true)
        {
            if (in.atEnd())
            {
                throw in.error("unterminated raw quoted string");
            }
            final byte c = in.at(in.pos++);
            if (c == '\n')
            {
                in.line++;
            }
            else if (c == '`')
            {
                in.emit(Token.RAW_STRING);
                return;
            }
        }
    }

    void charConstant()
    {
        while (true)
        {
            if (in.atEnd() || in.at(in.pos) == '\n')
            {
                throw in.error("unterminated character constant");
            }
            final byte c = in.at(in.pos++);
            if (c == '\\' && !in.atEnd() && in.at(in.pos) != '\n')
            {
                in.pos++;
            }
            else if (c == '\'')
            {
                in.emit(Token.CHAR_CONSTANT);
                return;
            }
        }
    }

    void number()
    {
        in.accept("+-");
        String digits = "0123456789_";
        if (in.accept("0"))
        {
            if (in.accept("xX"))
            {
                digits = "0123456789abcdefABCDEF_";
            }
            else if (in.accept("oO"))
            {
                digits = "01234567_";
            }
            else if (in.accept("bB"))
            {
                digits = "01_";
            }
        }
        in.acceptRun(digits);
        if (in.accept("."))
        {
            in.acceptRun(digits);
        }
        if (digits.length() == 11 && in.accept("eE"))
        {
            in.accept("+-");
            in.acceptRun("0123456789_");
        }
        if (digits.length() == 23 && in.accept("pP"))
        {
            in.accept("+-");
            in.acceptRun("0123456789_");
        }
        in.accept("i");
        if (!in.atEnd() && LexerInput.isWordByte(in.at(in.pos)))
        {
            in.pos++;
            throw in.error("bad number syntax: "
                + GoQuote.quote(new String(in.input, in.start, in.pos - in.start, StandardCharsets.UTF_8)));
        }
        in.emit(Token.NUMBER);
    }
}
