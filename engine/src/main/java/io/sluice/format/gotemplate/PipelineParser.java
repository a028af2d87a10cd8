package io.sluice.format.gotemplate;

import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses pipelines, commands and operands as Go's parser does ({@code pipeline}, {@code command}, {@code operand},
 * {@code term}), compiling them: variables to slots of the {@link TreeScope}, fields to {@link FieldStep}s, functions
 * to ids, and constants to values made once.
 */
final class PipelineParser
{
    private final TokenCursor cursor;
    private final TreeScope scope;

    PipelineParser(final TokenCursor cursor, final TreeScope scope)
    {
        this.cursor = cursor;
        this.scope = scope;
    }

    Pipeline pipeline(final String context, final int end)
    {
        final Token first = cursor.peekNonSpace();
        final List<Token> declared = new ArrayList<>();
        boolean assign = false;
        while (cursor.peekNonSpace().type == Token.VARIABLE)
        {
            final Token after = cursor.peekNonSpace(1);
            if (after.type == Token.ASSIGN || after.type == Token.DECLARE)
            {
                declared.add(cursor.nextNonSpace());
                cursor.nextNonSpace();
                assign = after.type == Token.ASSIGN;
                break;
            }
            if (after.type != Token.CHAR || !after.text.equals(","))
            {
                break;
            }
            declared.add(cursor.nextNonSpace());
            cursor.nextNonSpace();
            if (!context.equals("range") || declared.size() >= 2)
            {
                throw cursor.error("too many declarations in " + context);
            }
            final int nextType = cursor.peekNonSpace().type;
            if (nextType != Token.VARIABLE && nextType != Token.RIGHT_DELIM && nextType != Token.RIGHT_PAREN)
            {
                throw cursor.error("range can only initialize variables");
            }
        }
        final List<Command> commands = commands(context, end);
        final int[] slots = new int[declared.size()];
        for (int i = 0; i < slots.length; i++)
        {
            slots[i] = assign ? assigned(declared.get(i)) : scope.declare(declared.get(i).text);
        }
        return new Pipeline(first.start, cursor.source(first.start, cursor.last().start), slots, assign,
            commands.toArray(new Command[0]));
    }

    private int assigned(final Token variable)
    {
        final int slot = scope.lookup(variable.text);
        if (slot < 0)
        {
            throw cursor.error("undefined variable " + GoQuote.quote(variable.text));
        }
        return slot;
    }

    private List<Command> commands(final String context, final int end)
    {
        final List<Command> commands = new ArrayList<>();
        while (true)
        {
            final Token token = cursor.nextNonSpace();
            if (token.type == end)
            {
                if (commands.isEmpty())
                {
                    throw cursor.error("missing value for " + context);
                }
                for (int i = 1; i < commands.size(); i++)
                {
                    final int kind = commands.get(i).args[0].kind;
                    if (kind == Operand.BOOL || kind == Operand.DOT || kind == Operand.NIL || kind == Operand.NUMBER
                        || kind == Operand.STRING)
                    {
                        throw cursor.error("non executable command in pipeline stage " + (i + 1));
                    }
                }
                return commands;
            }
            switch (token.type)
            {
                case Token.BOOL, Token.CHAR_CONSTANT, Token.DOT, Token.FIELD, Token.IDENTIFIER, Token.NUMBER, Token.NIL,
                    Token.RAW_STRING, Token.STRING, Token.VARIABLE, Token.LEFT_PAREN ->
                {
                    cursor.backup();
                    commands.add(command());
                }
                default -> throw cursor.unexpected(token, context);
            }
        }
    }

    private Command command()
    {
        final Token first = cursor.peekNonSpace();
        final List<Operand> args = new ArrayList<>();
        int end = first.start;
        while (true)
        {
            cursor.skipSpaces();
            final Operand operand = operand();
            if (operand != null)
            {
                args.add(operand);
                end = cursor.last().end;
            }
            final Token token = cursor.next();
            if (token.type == Token.SPACE)
            {
                continue;
            }
            if (token.type == Token.RIGHT_DELIM || token.type == Token.RIGHT_PAREN)
            {
                cursor.backup();
            }
            else if (token.type != Token.PIPE)
            {
                throw cursor.unexpected(token, "operand");
            }
            break;
        }
        if (args.isEmpty())
        {
            throw cursor.error("empty command");
        }
        return new Command(first.start, cursor.source(first.start, end), args.toArray(new Operand[0]));
    }

    private Operand operand()
    {
        final Token start = cursor.peekNonSpace();
        final Operand term = term();
        if (term == null || cursor.peek().type != Token.FIELD)
        {
            return term;
        }
        final List<FieldStep> fields = new ArrayList<>();
        if (term.fields != null)
        {
            fields.addAll(List.of(term.fields));
        }
        while (cursor.peek().type == Token.FIELD)
        {
            fields.add(new FieldStep(cursor.next().text.substring(1)));
        }
        final String text = cursor.source(start.start, cursor.last().end);
        final FieldStep[] steps = fields.toArray(new FieldStep[0]);
        switch (term.kind)
        {
            case Operand.FIELD ->
            {
                return new Operand(Operand.FIELD, term.position, text, steps, -1, null, null, null, -1, false);
            }
            case Operand.VARIABLE ->
            {
                return new Operand(Operand.VARIABLE, term.position, text, steps, term.slot, null, null, null, -1, false);
            }
            case Operand.BOOL, Operand.STRING, Operand.NUMBER, Operand.NIL, Operand.DOT ->
                throw cursor.error("unexpected . after term " + GoQuote.quote(term.text));
            default ->
            {
                return new Operand(Operand.CHAIN, term.position, text, steps, -1, null, term, null, -1, false);
            }
        }
    }

    private Operand term()
    {
        final Token token = cursor.nextNonSpace();
        switch (token.type)
        {
            case Token.IDENTIFIER ->
            {
                final int function = Functions.idOf(token.text);
                if (function < 0)
                {
                    throw cursor.error("function " + GoQuote.quote(token.text) + " not defined");
                }
                return new Operand(Operand.FUNCTION, token.start, token.text, null, -1, null, null, null, function, false);
            }
            case Token.DOT ->
            {
                return Operand.simple(Operand.DOT, token.start, ".");
            }
            case Token.NIL ->
            {
                return Operand.simple(Operand.NIL, token.start, "nil");
            }
            case Token.VARIABLE ->
            {
                final int slot = scope.lookup(token.text);
                if (slot < 0)
                {
                    throw cursor.error("undefined variable " + GoQuote.quote(token.text));
                }
                return new Operand(Operand.VARIABLE, token.start, token.text, null, slot, null, null, null, -1, false);
            }
            case Token.FIELD ->
            {
                return new Operand(Operand.FIELD, token.start, token.text,
                    new FieldStep[] {new FieldStep(token.text.substring(1))}, -1, null, null, null, -1, false);
            }
            case Token.BOOL ->
            {
                return Operand.constant(Operand.BOOL, token.start, token.text, new Value().setBool(token.text.equals("true")), false);
            }
            case Token.CHAR_CONSTANT, Token.NUMBER ->
            {
                return NumberConstants.operand(token, cursor);
            }
            case Token.LEFT_PAREN ->
            {
                final Pipeline pipe = pipeline("parenthesized pipeline", Token.RIGHT_PAREN);
                return new Operand(Operand.PIPE, token.start, "(" + pipe.text + ")", null, -1, pipe, null, null, -1, false);
            }
            case Token.STRING, Token.RAW_STRING ->
            {
                final byte[] bytes = cursor.unquote(token).getBytes(StandardCharsets.UTF_8);
                final Value value = new Value().setString(new UnsafeBuffer(bytes), 0, bytes.length);
                return Operand.constant(Operand.STRING, token.start, token.text, value, false);
            }
            default ->
            {
                cursor.backup();
                return null;
            }
        }
    }
}
