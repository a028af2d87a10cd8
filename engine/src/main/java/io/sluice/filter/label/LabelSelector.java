package io.sluice.filter.label;

import io.sluice.config.ConfigException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * A Kubernetes label selector, as Tetragon's {@code labels} export filter takes it (each string parsed by
 * {@code k8s.io/apimachinery/pkg/labels.Parse}): comma-separated requirements, all of which must match (AND).
 * Compiled once, at start-up; {@link #matches} does not allocate.
 *
 * <table>
 * <caption>Requirements</caption>
 * <tr><th>requirement</th><th>matches when</th></tr>
 * <tr><td>{@code key}</td><td>the label exists (any value, the empty one included)</td></tr>
 * <tr><td>{@code !key}</td><td>the label does not exist</td></tr>
 * <tr><td>{@code key=value}, {@code key==value}</td><td>the label exists with that value</td></tr>
 * <tr><td>{@code key!=value}</td><td>the label does not exist, or has another value</td></tr>
 * <tr><td>{@code key in (v1,v2)}</td><td>the label exists with one of the values</td></tr>
 * <tr><td>{@code key notin (v1,v2)}</td><td>the label does not exist, or has none of the values</td></tr>
 * <tr><td>{@code key>N}, {@code key<N}</td><td>the label exists, its value is a (64-bit) integer, greater / less
 * than N</td></tr>
 * </table>
 *
 * <p>The grammar is apimachinery's, quirks included: spaces, tabs and line breaks may surround any token
 * ({@code key in(a, b)}); a value may be empty ({@code key=}, {@code key in ()} and {@code key in (a,)} name the
 * empty value); {@code in} and {@code notin} are words only where an operator is expected ({@code in in (in)} is valid);
 * an empty selector has no requirement and matches every label set. Keys are qualified names: an optional lowercase
 * DNS subdomain prefix of at most 253 characters and a {@code /}, then a name of 1 to 63 characters of
 * {@code [A-Za-z0-9_.-]} starting and ending with a letter or digit. Values are empty or of at most 63 such characters
 * (so {@code key>-1} is refused, as there). {@code >} and {@code <} take one integer.
 *
 * <p>Where a pod's labels come from, and that an event without a pod never matches Tetragon's filter (however its
 * selectors read), is the caller's business: a selector only sees a {@link LabelSource}.
 */
public final class LabelSelector
{
    private static final int NAME_MAX_LENGTH = 63;
    private static final int PREFIX_MAX_LENGTH = 253;
    private static final int VALUE_MAX_LENGTH = 63;
    private static final int NOT_AN_INTEGER = Integer.MIN_VALUE;
    private static final String[] NO_VALUES = new String[0];

    private final Requirement[] requirements;

    private LabelSelector(final Requirement[] requirements)
    {
        this.requirements = requirements;
    }

    /**
     * Parses and checks a selector, once, at start-up.
     *
     * @param origin   the flag or {@code FILE:line} it came from, for errors.
     * @param field    the filter field, for errors ({@code labels}).
     * @param selector the selector ({@code app.kubernetes.io/name=xwing,tier notin (db)}).
     * @return the compiled selector.
     * @throws ConfigException naming the origin, the field and the selector, and what is wrong where.
     */
    public static LabelSelector parse(final String origin, final String field, final String selector)
    {
        final Requirement[] requirements = new Parser(origin, field, selector).parse().toArray(new Requirement[0]);
        // apimachinery keeps requirements sorted by key; for matching the order does not matter (AND)
        Arrays.sort(requirements, Comparator.comparing(requirement -> requirement.key));
        return new LabelSelector(requirements);
    }

    /**
     * @param labels the labels, looked up once per requirement.
     * @return true when every requirement matches (always, for an empty selector).
     */
    public boolean matches(final LabelSource labels)
    {
        for (final Requirement requirement : requirements)
        {
            if (!requirement.matches(labels.label(requirement.key)))
            {
                return false;
            }
        }
        return true;
    }

    /** @return true when the selector has no requirement (it then matches everything). */
    public boolean isEmpty()
    {
        return requirements.length == 0;
    }

    /** @return the selector in apimachinery's canonical form: requirements sorted by key, values sorted. */
    @Override
    public String toString()
    {
        final StringBuilder text = new StringBuilder();
        for (final Requirement requirement : requirements)
        {
            if (text.length() > 0)
            {
                text.append(',');
            }
            requirement.appendTo(text);
        }
        return text.toString();
    }

    /**
     * @param text  text, for instance a label's value.
     * @param bound the requirement's integer.
     * @return {@link Long#compare} of the text's value with the bound, or {@link #NOT_AN_INTEGER} when the text is not
     *         what Go's {@code strconv.ParseInt(text, 10, 64)} accepts (an optional sign, ASCII digits, 64 bits).
     */
    static int compareInteger(final CharSequence text, final long bound)
    {
        final int length = text.length();
        int i = 0;
        boolean negative = false;
        if (length > 0 && (text.charAt(0) == '+' || text.charAt(0) == '-'))
        {
            negative = text.charAt(0) == '-';
            i = 1;
        }
        if (i == length)
        {
            return NOT_AN_INTEGER;
        }
        // accumulated negatively, as Long.parseLong does, so that Long.MIN_VALUE fits
        final long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        final long lastBeforeOverflow = limit / 10;
        long value = 0;
        for (; i < length; i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                return NOT_AN_INTEGER;
            }
            final int digit = c - '0';
            if (value < lastBeforeOverflow)
            {
                return NOT_AN_INTEGER;
            }
            value *= 10;
            if (value < limit + digit)
            {
                return NOT_AN_INTEGER;
            }
            value -= digit;
        }
        return Long.compare(negative ? value : -value, bound);
    }

    /** An operator of the selector grammar, with how apimachinery writes it back. */
    private enum Operator
    {
        EXISTS(""),
        DOES_NOT_EXIST(""),
        EQUALS("="),
        DOUBLE_EQUALS("=="),
        NOT_EQUALS("!="),
        IN(" in "),
        NOT_IN(" notin "),
        GREATER_THAN(">"),
        LESS_THAN("<");

        private final String text;

        Operator(final String text)
        {
            this.text = text;
        }
    }

    /** One requirement: a key, an operator and its values (sorted, without duplicates). */
    private static final class Requirement
    {
        private final String key;
        private final Operator operator;
        private final String[] values;
        private final long bound;

        Requirement(final String key, final Operator operator, final String[] values, final long bound)
        {
            this.key = key;
            this.operator = operator;
            this.values = values;
            this.bound = bound;
        }

        /** @param value the label's value, null when absent. */
        boolean matches(final CharSequence value)
        {
            return switch (operator)
            {
                case EXISTS -> value != null;
                case DOES_NOT_EXIST -> value == null;
                case EQUALS, DOUBLE_EQUALS, IN -> value != null && hasValue(value);
                case NOT_EQUALS, NOT_IN -> value == null || !hasValue(value);
                case GREATER_THAN -> value != null && compareInteger(value, bound) > 0;
                case LESS_THAN ->
                {
                    final int comparison = value == null ? NOT_AN_INTEGER : compareInteger(value, bound);
                    yield comparison != NOT_AN_INTEGER && comparison < 0;
                }
            };
        }

        private boolean hasValue(final CharSequence value)
        {
            for (final String candidate : values)
            {
                if (candidate.contentEquals(value))
                {
                    return true;
                }
            }
            return false;
        }

        void appendTo(final StringBuilder text)
        {
            if (operator == Operator.DOES_NOT_EXIST)
            {
                text.append('!');
            }
            text.append(key).append(operator.text);
            if (operator == Operator.IN || operator == Operator.NOT_IN)
            {
                text.append('(').append(String.join(",", values)).append(')');
            }
            else if (values.length == 1)
            {
                text.append(values[0]);
            }
        }
    }

    /** apimachinery's lexer and recursive-descent parser, with its error cases. */
    private static final class Parser
    {
        private enum Kind
        {
            END, OPEN, CLOSE, COMMA, NOT, EQUALS, DOUBLE_EQUALS, NOT_EQUALS, GREATER, LESS, IN, NOT_IN, IDENTIFIER
        }

        /** A token, its text and where it starts (0-based). */
        private record Token(Kind kind, String text, int start)
        {
            String shown()
            {
                return kind == Kind.END ? "end of string" : "'" + text + "'";
            }
        }

        private final String origin;
        private final String field;
        private final String selector;
        private final List<Token> tokens = new ArrayList<>();
        private int position;

        Parser(final String origin, final String field, final String selector)
        {
            this.origin = origin;
            this.field = field;
            this.selector = selector;
        }

        List<Requirement> parse()
        {
            lex();
            final List<Requirement> requirements = new ArrayList<>();
            while (true)
            {
                final Token token = lookahead(true);
                switch (token.kind)
                {
                    case IDENTIFIER, NOT ->
                    {
                        requirements.add(requirement());
                        final Token next = consume(true);
                        if (next.kind == Kind.END)
                        {
                            return requirements;
                        }
                        if (next.kind != Kind.COMMA)
                        {
                            throw syntax(next, "',' or end of string");
                        }
                        final Token after = lookahead(true);
                        if (after.kind != Kind.IDENTIFIER && after.kind != Kind.NOT)
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

        private void lex()
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
                    // the longest operator: "==" and "!=" are the only two-character ones
                    if ((c == '=' || c == '!') && i + 1 < length && selector.charAt(i + 1) == '=')
                    {
                        tokens.add(new Token(c == '=' ? Kind.DOUBLE_EQUALS : Kind.NOT_EQUALS, selector.substring(i, i + 2), i));
                        i += 2;
                        continue;
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
                    i++;
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

        private static boolean isWhitespace(final char c)
        {
            return c == ' ' || c == '\t' || c == '\r' || c == '\n';
        }

        private static boolean isSpecial(final char c)
        {
            return c == '=' || c == '!' || c == '(' || c == ')' || c == ',' || c == '>' || c == '<';
        }

        /** @param values true where values are expected: {@code in} and {@code notin} are then identifiers. */
        private Token lookahead(final boolean values)
        {
            return contextual(tokens.get(Math.min(position, tokens.size() - 1)), values);
        }

        private Token consume(final boolean values)
        {
            final Token token = lookahead(values);
            position++;
            return token;
        }

        private static Token contextual(final Token token, final boolean values)
        {
            if (values && (token.kind == Kind.IN || token.kind == Kind.NOT_IN))
            {
                return new Token(Kind.IDENTIFIER, token.text, token.start);
            }
            return token;
        }

        private Requirement requirement()
        {
            Token token = consume(true);
            final boolean not = token.kind == Kind.NOT;
            if (not)
            {
                token = consume(true);
            }
            if (token.kind != Kind.IDENTIFIER)
            {
                throw syntax(token, "identifier");
            }
            final String key = token.text;
            checkKey(key);
            if (not)
            {
                return new Requirement(key, Operator.DOES_NOT_EXIST, NO_VALUES, 0);
            }
            final Kind next = lookahead(true).kind;
            if (next == Kind.END || next == Kind.COMMA)
            {
                return new Requirement(key, Operator.EXISTS, NO_VALUES, 0);
            }
            final Token operatorToken = consume(false);
            final Operator operator = switch (operatorToken.kind)
            {
                case IN -> Operator.IN;
                case NOT_IN -> Operator.NOT_IN;
                case EQUALS -> Operator.EQUALS;
                case DOUBLE_EQUALS -> Operator.DOUBLE_EQUALS;
                case NOT_EQUALS -> Operator.NOT_EQUALS;
                case GREATER -> Operator.GREATER_THAN;
                case LESS -> Operator.LESS_THAN;
                default -> throw syntax(operatorToken, "in, notin, =, ==, !=, > or <");
            };
            final TreeSet<String> values = operator == Operator.IN || operator == Operator.NOT_IN ? valueSet() : exactValue();
            return checked(key, operator, values);
        }

        /** {@code ( values )}; {@code ()} is the empty value. */
        private TreeSet<String> valueSet()
        {
            final Token open = consume(true);
            if (open.kind != Kind.OPEN)
            {
                throw syntax(open, "'('");
            }
            final Token first = lookahead(true);
            switch (first.kind)
            {
                case IDENTIFIER, COMMA ->
                {
                    final TreeSet<String> values = identifiers();
                    final Token close = consume(true);
                    if (close.kind != Kind.CLOSE)
                    {
                        throw syntax(close, "')'");
                    }
                    return values;
                }
                case CLOSE ->
                {
                    consume(true);
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
                final Token token = consume(true);
                switch (token.kind)
                {
                    case IDENTIFIER ->
                    {
                        values.add(token.text);
                        final Token next = lookahead(true);
                        if (next.kind == Kind.CLOSE)
                        {
                            return values;
                        }
                        if (next.kind != Kind.COMMA)
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
                        final Token next = lookahead(true);
                        if (next.kind == Kind.CLOSE)
                        {
                            values.add(""); // ",)"
                            return values;
                        }
                        if (next.kind == Kind.COMMA)
                        {
                            consume(true);
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
            final Kind next = lookahead(true).kind;
            if (next == Kind.END || next == Kind.COMMA)
            {
                values.add("");
                return values;
            }
            final Token token = consume(true);
            if (token.kind != Kind.IDENTIFIER)
            {
                throw syntax(token, "identifier");
            }
            values.add(token.text);
            return values;
        }

        private Requirement checked(final String key, final Operator operator, final TreeSet<String> values)
        {
            final List<String> problems = new ArrayList<>();
            long bound = 0;
            if (operator == Operator.GREATER_THAN || operator == Operator.LESS_THAN)
            {
                final String value = values.first();
                if (compareInteger(value, 0) == NOT_AN_INTEGER)
                {
                    problems.add("'" + key + operator.text + value + "': the value of > and < must be an integer");
                }
                else
                {
                    bound = Long.parseLong(value);
                }
            }
            for (final String value : values)
            {
                final String problem = valueProblem(value);
                if (problem != null)
                {
                    problems.add("label value '" + value + "' of key '" + key + "': " + problem);
                }
            }
            if (!problems.isEmpty())
            {
                throw refused(String.join("; ", problems));
            }
            return new Requirement(key, operator, values.toArray(NO_VALUES), bound);
        }

        private void checkKey(final String key)
        {
            final List<String> problems = new ArrayList<>();
            final int slash = key.indexOf('/');
            String name = key;
            if (slash >= 0 && key.indexOf('/', slash + 1) >= 0)
            {
                problems.add("must be a name with an optional DNS subdomain prefix and one '/' (e.g. 'example.com/MyName')");
            }
            else
            {
                if (slash >= 0)
                {
                    final String prefix = key.substring(0, slash);
                    name = key.substring(slash + 1);
                    if (prefix.isEmpty())
                    {
                        problems.add("prefix part must be non-empty");
                    }
                    else
                    {
                        if (prefix.length() > PREFIX_MAX_LENGTH)
                        {
                            problems.add("prefix part must be no more than " + PREFIX_MAX_LENGTH + " characters");
                        }
                        if (!isDnsSubdomain(prefix))
                        {
                            problems.add("prefix part must be a lowercase RFC 1123 subdomain: lower case alphanumeric characters, " +
                                "'-' or '.', each part starting and ending with an alphanumeric character");
                        }
                    }
                }
                if (name.isEmpty())
                {
                    problems.add("name part must be non-empty");
                }
                else
                {
                    if (name.length() > NAME_MAX_LENGTH)
                    {
                        problems.add("name part must be no more than " + NAME_MAX_LENGTH + " characters");
                    }
                    if (!isQualifiedName(name))
                    {
                        problems.add("name part must consist of alphanumeric characters, '-', '_' or '.', " +
                            "and must start and end with an alphanumeric character");
                    }
                }
            }
            if (!problems.isEmpty())
            {
                throw refused("label key '" + key + "': " + String.join("; ", problems));
            }
        }

        /** @return null for a valid label value (the empty one included), else what is wrong. */
        private static String valueProblem(final String value)
        {
            final List<String> problems = new ArrayList<>();
            if (value.length() > VALUE_MAX_LENGTH)
            {
                problems.add("must be no more than " + VALUE_MAX_LENGTH + " characters");
            }
            if (!value.isEmpty() && !isQualifiedName(value))
            {
                problems.add("must be empty or consist of alphanumeric characters, '-', '_' or '.', " +
                    "and must start and end with an alphanumeric character");
            }
            return problems.isEmpty() ? null : String.join("; ", problems);
        }

        /** {@code ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]} */
        private static boolean isQualifiedName(final String name)
        {
            if (name.isEmpty() || !isAlphanumeric(name.charAt(0)) || !isAlphanumeric(name.charAt(name.length() - 1)))
            {
                return false;
            }
            for (int i = 1; i < name.length() - 1; i++)
            {
                final char c = name.charAt(i);
                if (!isAlphanumeric(c) && c != '-' && c != '_' && c != '.')
                {
                    return false;
                }
            }
            return true;
        }

        /** {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*} */
        private static boolean isDnsSubdomain(final String prefix)
        {
            int start = 0;
            while (true)
            {
                int end = prefix.indexOf('.', start);
                if (end < 0)
                {
                    end = prefix.length();
                }
                if (end == start || !isLowerAlphanumeric(prefix.charAt(start)) || !isLowerAlphanumeric(prefix.charAt(end - 1)))
                {
                    return false;
                }
                for (int i = start + 1; i < end - 1; i++)
                {
                    if (!isLowerAlphanumeric(prefix.charAt(i)) && prefix.charAt(i) != '-')
                    {
                        return false;
                    }
                }
                if (end == prefix.length())
                {
                    return true;
                }
                start = end + 1;
            }
        }

        private static boolean isAlphanumeric(final char c)
        {
            return c >= 'A' && c <= 'Z' || isLowerAlphanumeric(c);
        }

        private static boolean isLowerAlphanumeric(final char c)
        {
            return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
        }

        private ConfigException syntax(final Token found, final String expected)
        {
            return refused("found " + found.shown() + " at column " + (found.start + 1) + ", expected: " + expected);
        }

        private ConfigException refused(final String problem)
        {
            return new ConfigException(origin, field, selector, "bad label selector: " + problem);
        }
    }
}
