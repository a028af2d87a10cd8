package io.sluice.format.gotemplate;

/**
 * One lexical item of a template ({@link TemplateLexer}), as Go's {@code text/template/parse} lexes it: its type,
 * where it is (byte offsets into the file and its line) and its source text.
 */
final class Token
{
    static final int EOF = 0;
    static final int TEXT = 1;
    static final int LEFT_DELIM = 2;
    static final int RIGHT_DELIM = 3;
    static final int SPACE = 4;
    static final int IDENTIFIER = 5;
    static final int FIELD = 6;
    static final int VARIABLE = 7;
    static final int STRING = 8;
    static final int RAW_STRING = 9;
    static final int CHAR_CONSTANT = 10;
    static final int NUMBER = 11;
    static final int BOOL = 12;
    static final int NIL = 13;
    static final int DOT = 14;
    static final int PIPE = 15;
    static final int LEFT_PAREN = 16;
    static final int RIGHT_PAREN = 17;
    static final int DECLARE = 18;
    static final int ASSIGN = 19;
    /** A printable ASCII character alone ({@code ,} in {@code range $i, $v :=}). */
    static final int CHAR = 20;
    static final int COMMENT = 21;
    /** Keywords, from here on. */
    static final int BLOCK = 30;
    static final int BREAK = 31;
    static final int CONTINUE = 32;
    static final int DEFINE = 33;
    static final int ELSE = 34;
    static final int END = 35;
    static final int IF = 36;
    static final int RANGE = 37;
    static final int TEMPLATE = 38;
    static final int WITH = 39;

    final int type;
    final int start;
    final int end;
    final int line;
    final String text;

    Token(final int type, final int start, final int end, final int line, final String text)
    {
        this.type = type;
        this.start = start;
        this.end = end;
        this.line = line;
        this.text = text;
    }

    /**
     * @return how Go's parser names the item in messages: {@code "}"}, {@code <end>}, {@code EOF}.
     */
    String describe()
    {
        if (type == EOF)
        {
            return "EOF";
        }
        if (type >= BLOCK)
        {
            return "<" + text + ">";
        }
        if (text.length() > 10)
        {
            return GoQuote.quote(text.substring(0, 10)) + "...";
        }
        return GoQuote.quote(text);
    }
}
