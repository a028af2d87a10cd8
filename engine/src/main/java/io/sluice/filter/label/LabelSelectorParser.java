package io.sluice.filter.label;

import io.sluice.config.ConfigException;
import io.sluice.filter.label.SelectorTokens.Kind;
import io.sluice.filter.label.SelectorTokens.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** apimachinery's recursive-descent label selector parser, with its error cases, each a {@link ConfigException}. */
final class LabelSelectorParser
{
    private final String origin;
    private final String field;
    private final String selector;
    private final SelectorTokens tokens;

    LabelSelectorParser(final String origin, final String field, final String selector)
    {
        this.origin = origin;
        this.field = field;
        this.selector = selector;
        this.tokens = new SelectorTokens(selector);
    }

    /** @return the selector's requirements, in the order written. */
    List<LabelRequirement> parse()
    {
        final List<LabelRequirement> requirements = new ArrayList<>();
        while (true)
        {
            final Token token = tokens.lookahead(true);
            switch (token.kind())
            {
                case IDENTIFIER, NOT ->
                {
                    requirements.add(requirement());
                    final Token next = tokens.consume(true);
                    if (next.kind() == Kind.END)
                    {
                        return requirements;
                    }
                    if (next.kind() != Kind.COMMA)
                    {
                        throw syntax(next, "',' or end of string");
                    }
                    final Token after = tokens.lookahead(true);
                    if (after.kind() != Kind.IDENTIFIER && after.kind() != Kind.NOT)
                    {
                        throw syntax(after, "identifier after ','");
                    }
                }
                case END ->
                {
                    return requirements;
                }
                default -> throw syntax(token, "!, identifier, or end of string");
            }
        }
    }

    private LabelRequirement requirement()
    {
        Token token = tokens.consume(true);
        final boolean not = token.kind() == Kind.NOT;
        if (not)
        {
            token = tokens.consume(true);
        }
        if (token.kind() != Kind.IDENTIFIER)
        {
            throw syntax(token, "identifier");
        }
        final String key = token.text();
        final List<String> keyProblems = LabelNames.keyProblems(key);
        if (!keyProblems.isEmpty())
        {
            throw refused("label key '" + key + "': " + String.join("; ", keyProblems));
        }
        if (not)
        {
            return new LabelRequirement(key, LabelOperator.DOES_NOT_EXIST, LabelRequirement.NO_VALUES, 0);
        }
        final Kind next = tokens.lookahead(true).kind();
        if (next == Kind.END || next == Kind.COMMA)
        {
            return new LabelRequirement(key, LabelOperator.EXISTS, LabelRequirement.NO_VALUES, 0);
        }
        final Token operatorToken = tokens.consume(false);
        final LabelOperator operator = switch (operatorToken.kind())
        {
            case IN -> LabelOperator.IN;
            case NOT_IN -> LabelOperator.NOT_IN;
            case EQUALS -> LabelOperator.EQUALS;
            case DOUBLE_EQUALS -> LabelOperator.DOUBLE_EQUALS;
            case NOT_EQUALS -> LabelOperator.NOT_EQUALS;
            case GREATER -> LabelOperator.GREATER_THAN;
            case LESS -> LabelOperator.LESS_THAN;
            default -> throw syntax(operatorToken, "in, notin, =, ==, !=, > or <");
        };
        return checked(key, operator, operator.takesSet() ? valueSet() : exactValue());
    }

    /** {@code ( values )}; {@code ()} is the empty value. */
    private TreeSet<String> valueSet()
    {
        final Token open = tokens.consume(true);
        if (open.kind() != Kind.OPEN)
        {
            throw syntax(open, "'('");
        }
        final Token first = tokens.lookahead(true);
        switch (first.kind())
        {
            case IDENTIFIER, COMMA ->
            {
                final TreeSet<String> values = identifiers();
                final Token close = tokens.consume(true);
                if (close.kind() != Kind.CLOSE)
                {
                    throw syntax(close, "')'");
                }
                return values;
            }
            case CLOSE ->
            {
                tokens.consume(true);
                return new TreeSet<>(List.of(""));
            }
            default -> throw syntax(first, "',', ')' or identifier");
        }
    }

    /** Comma-separated, possibly empty values, up to (not including) the closing parenthesis. */
    private TreeSet<String> identifiers()
    {
        final TreeSet<String> values = new TreeSet<>();
        while (true)
        {
            final Token token = tokens.consume(true);
            switch (token.kind())
            {
                case IDENTIFIER ->
                {
                    values.add(token.text());
                    final Token next = tokens.lookahead(true);
                    if (next.kind() == Kind.CLOSE)
                    {
                        return values;
                    }
                    if (next.kind() != Kind.COMMA)
                    {
                        throw syntax(next, "',' or ')'");
                    }
                }
                case COMMA ->
                {
                    if (values.isEmpty())
                    {
                        values.add(""); // "(,"
                    }
                    final Token next = tokens.lookahead(true);
                    if (next.kind() == Kind.CLOSE)
                    {
                        values.add(""); // ",)"
                        return values;
                    }
                    if (next.kind() == Kind.COMMA)
                    {
                        tokens.consume(true);
                        values.add(""); // ",,"
                    }
                }
                default -> throw syntax(token, "',' or identifier");
            }
        }
    }

    /** The one value after {@code =}, {@code ==}, {@code !=}, {@code >} or {@code <}; nothing is the empty value. */
    private TreeSet<String> exactValue()
    {
        final TreeSet<String> values = new TreeSet<>();
        final Kind next = tokens.lookahead(true).kind();
        if (next == Kind.END || next == Kind.COMMA)
        {
            values.add("");
            return values;
        }
        final Token token = tokens.consume(true);
        if (token.kind() != Kind.IDENTIFIER)
        {
            throw syntax(token, "identifier");
        }
        values.add(token.text());
        return values;
    }

    private LabelRequirement checked(final String key, final LabelOperator operator, final TreeSet<String> values)
    {
        final List<String> problems = new ArrayList<>();
        long bound = 0;
        if (operator.takesInteger())
        {
            final String value = values.first();
            if (LabelRequirement.compareInteger(value, 0) == LabelRequirement.NOT_AN_INTEGER)
            {
                problems.add("'" + key + operator.text() + value + "': the value of > and < must be an integer");
            }
            else
            {
                bound = Long.parseLong(value);
            }
        }
        for (final String value : values)
        {
            final String problem = LabelNames.valueProblem(value);
            if (problem != null)
            {
                problems.add("label value '" + value + "' of key '" + key + "': " + problem);
            }
        }
        if (!problems.isEmpty())
        {
            throw refused(String.join("; ", problems));
        }
        return new LabelRequirement(key, operator, values.toArray(LabelRequirement.NO_VALUES), bound);
    }

    private ConfigException syntax(final Token found, final String expected)
    {
        return refused("found " + found.shown() + " at column " + (found.start() + 1) + ", expected: " + expected);
    }

    private ConfigException refused(final String problem)
    {
        return new ConfigException(origin, field, selector, "bad label selector: " + problem);
    }
}
