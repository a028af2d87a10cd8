package io.sluice.format.gotemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses a template file as Go's {@code text/template/parse} does: text, actions and the control structures
 * ({@code if}/{@code else if}/{@code else}, {@code range} with {@code break}, {@code continue} and {@code else},
 * {@code with}/{@code else with}, {@code template}, {@code block}, {@code define}). The file is the template named
 * after it; {@code define} and {@code block} add named templates, each with its own variable scope.
 * {@code template} calls are bound to their templates once the whole file is read.
 */
final class TemplateParser
{
    /** What {@link #action} returns for {@code {{end}}} and {@code {{else}}}: they close a list. */
    private static final Node END = Node.loopControl(Node.BREAK, 0, "{{end}}");
    private static final Node ELSE = Node.loopControl(Node.BREAK, 0, "{{else}}");

    private final TokenCursor cursor;
    private final Map<String, Tree> trees;
    private final List<Node> calls;

    private TemplateParser(final TokenCursor cursor, final Map<String, Tree> trees, final List<Node> calls)
    {
        this.cursor = cursor;
        this.trees = trees;
        this.calls = calls;
    }

    /**
     * @param name     the file's template name (Go: the file's base name).
     * @param fileName how messages name the file (its path).
     * @param input    the file's bytes.
     * @param trees    where each template goes, by name: the file's own under {@code name}.
     * @throws TemplateSyntaxException naming file, line and column.
     */
    static void parse(final String name, final String fileName, final byte[] input, final Map<String, Tree> trees)
    {
        final TokenCursor cursor = new TokenCursor(fileName, input, TemplateLexer.lex(fileName, input));
        final TemplateParser parser = new TemplateParser(cursor, trees, new ArrayList<>());
        final TreeScope scope = new TreeScope();
        final List<Node> root = new ArrayList<>();
        while (cursor.peek().type != Token.EOF)
        {
            if (cursor.peek().type == Token.LEFT_DELIM && cursor.peekNonSpace(1).type == Token.DEFINE)
            {
                cursor.skipNonSpace(2);
                parser.definition();
                continue;
            }
            final Node node = parser.textOrAction(scope);
            if (node == END || node == ELSE)
            {
                throw cursor.error("unexpected " + node.text);
            }
            root.add(node);
        }
        parser.add(name, root, scope);
        for (final Node call : parser.calls)
        {
            call.target = trees.get(call.templateName);
        }
    }

    private void definition()
    {
        final String defined = templateName(cursor.nextNonSpace(), "define clause");
        cursor.expect(Token.RIGHT_DELIM, "define clause");
        final TreeScope scope = new TreeScope();
        final List<Node> nodes = new ArrayList<>();
        if (itemList(nodes, scope) != END)
        {
            throw cursor.error("unexpected {{else}} in define clause");
        }
        add(defined, nodes, scope);
    }

    private void add(final String name, final List<Node> nodes, final TreeScope scope)
    {
        final Node[] root = nodes.toArray(new Node[0]);
        final Tree existing = trees.get(name);
        if (existing != null && !isEmpty(existing.root) && !isEmpty(root))
        {
            throw cursor.error("template: multiple definition of template " + GoQuote.quote(name));
        }
        if (existing == null || isEmpty(existing.root))
        {
            trees.put(name, new Tree(name, root, scope.slots()));
        }
    }

    private static boolean isEmpty(final Node[] nodes)
    {
        for (final Node node : nodes)
        {
            if (node.kind != Node.TEXT)
            {
                return false;
            }
            for (int i = 0; i < node.bytes.capacity(); i++)
            {
                if (!TemplateLexer.isSpace(node.bytes.getByte(i)))
                {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Nodes up to the {@code {{end}}} or {@code {{else}}} that closes them.
     *
     * @return {@link #END} or {@link #ELSE}.
     */
    private Node itemList(final List<Node> nodes, final TreeScope scope)
    {
        while (cursor.peekNonSpace().type != Token.EOF)
        {
            final Node node = textOrAction(scope);
            if (node == END || node == ELSE)
            {
                return node;
            }
            nodes.add(node);
        }
        throw cursor.error("unexpected EOF");
    }

    private Node textOrAction(final TreeScope scope)
    {
        final Token token = cursor.nextNonSpace();
        if (token.type == Token.TEXT)
        {
            final byte[] text = new byte[token.end - token.start];
            System.arraycopy(cursor.input, token.start, text, 0, text.length);
            return Node.text(token.start, text);
        }
        if (token.type == Token.LEFT_DELIM)
        {
            return action(scope);
        }
        throw cursor.unexpected(token, "input");
    }

    private Node action(final TreeScope scope)
    {
        final Token token = cursor.nextNonSpace();
        switch (token.type)
        {
            case Token.BLOCK:
                return block(token, scope);
            case Token.BREAK:
            case Token.CONTINUE:
                return loopControl(token, scope);
            case Token.ELSE:
                final int after = cursor.peekNonSpace().type;
                if (after != Token.IF && after != Token.WITH)
                {
                    cursor.expect(Token.RIGHT_DELIM, "else");
                }
                return ELSE;
            case Token.END:
                cursor.expect(Token.RIGHT_DELIM, "end");
                return END;
            case Token.IF:
                return control(Node.IF, "if", token, scope);
            case Token.RANGE:
                return control(Node.RANGE, "range", token, scope);
            case Token.WITH:
                return control(Node.WITH, "with", token, scope);
            case Token.TEMPLATE:
                return template(token, scope);
            default:
                cursor.backup();
                final Token first = cursor.peek();
                final Pipeline pipe = new PipelineParser(cursor, scope).pipeline("command", Token.RIGHT_DELIM);
                return Node.action(first.start, pipe.text, pipe);
        }
    }

    private Node loopControl(final Token token, final TreeScope scope)
    {
        final String word = token.type == Token.BREAK ? "{{break}}" : "{{continue}}";
        final Token close = cursor.nextNonSpace();
        if (close.type != Token.RIGHT_DELIM)
        {
            throw cursor.unexpected(close, word);
        }
        if (scope.rangeDepth == 0)
        {
            throw cursor.error(word + " outside {{range}}");
        }
        return Node.loopControl(token.type == Token.BREAK ? Node.BREAK : Node.CONTINUE, token.start, word);
    }

    private Node template(final Token keyword, final TreeScope scope)
    {
        final Token nameToken = cursor.nextNonSpace();
        final String called = templateName(nameToken, "template clause");
        Pipeline pipe = null;
        if (cursor.nextNonSpace().type != Token.RIGHT_DELIM)
        {
            cursor.backup();
            pipe = new PipelineParser(cursor, scope).pipeline("template clause", Token.RIGHT_DELIM);
        }
        final Node call = Node.template(keyword.start, "{{template " + nameToken.text + "}}", called, pipe);
        calls.add(call);
        return call;
    }

    /**
     * {@code if}, {@code with} and {@code range} with their lists; {@code else if} and {@code else with} are a nested
     * control closed by the same {@code end}, as in Go.
     */
    private Node control(final int kind, final String context, final Token keyword, final TreeScope scope)
    {
        final int mark = scope.mark();
        final Pipeline pipe = new PipelineParser(cursor, scope).pipeline(context, Token.RIGHT_DELIM);
        if (kind == Node.RANGE)
        {
            scope.rangeDepth++;
        }
        final List<Node> list = new ArrayList<>();
        final Node next = itemList(list, scope);
        if (kind == Node.RANGE)
        {
            scope.rangeDepth--;
        }
        Node[] elseList = null;
        if (next == ELSE)
        {
            final int after = cursor.peekNonSpace().type;
            if (kind == Node.IF && after == Token.IF || kind == Node.WITH && after == Token.WITH)
            {
                elseList = new Node[] {control(kind, context, cursor.nextNonSpace(), scope)};
            }
            else
            {
                final List<Node> otherwise = new ArrayList<>();
                if (itemList(otherwise, scope) != END)
                {
                    throw cursor.error("expected end; found {{else}}");
                }
                elseList = otherwise.toArray(new Node[0]);
            }
        }
        scope.pop(mark);
        return Node.branch(kind, keyword.start, "{{" + context + " " + pipe.text + "}}", pipe, list.toArray(new Node[0]),
            elseList);
    }

    private Node block(final Token keyword, final TreeScope scope)
    {
        final Token nameToken = cursor.nextNonSpace();
        final String blockName = templateName(nameToken, "block clause");
        final Pipeline pipe = new PipelineParser(cursor, scope).pipeline("block clause", Token.RIGHT_DELIM);
        final TreeScope bodyScope = new TreeScope();
        final List<Node> nodes = new ArrayList<>();
        if (itemList(nodes, bodyScope) != END)
        {
            throw cursor.error("unexpected {{else}} in block clause");
        }
        add(blockName, nodes, bodyScope);
        final Node call = Node.template(keyword.start, "{{template " + nameToken.text + "}}", blockName, pipe);
        calls.add(call);
        return call;
    }

    private String templateName(final Token token, final String context)
    {
        if (token.type != Token.STRING && token.type != Token.RAW_STRING)
        {
            throw cursor.unexpected(token, context);
        }
        return cursor.unquote(token);
    }
}
