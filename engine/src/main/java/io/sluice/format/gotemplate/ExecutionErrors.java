package io.sluice.format.gotemplate;

/**
 * Where execution is (the template being executed and the node being evaluated, as Go's {@code s.at(node)}), to
 * make Go's execution error: {@code template: FILE:LINE:COL: executing "NAME" at <CONTEXT>: problem}.
 */
final class ExecutionErrors
{
    private static final int CONTEXT_RUNES = 20;

    private final String fileName;
    private final byte[] source;
    private String executing;
    private Positioned at;

    ExecutionErrors(final String fileName, final byte[] source)
    {
        this.fileName = fileName;
        this.source = source;
    }

    void at(final Positioned node)
    {
        at = node;
    }

    Positioned at()
    {
        return at;
    }

    String executing()
    {
        return executing;
    }

    void executing(final String templateName)
    {
        executing = templateName;
    }

    TemplateExecutionException error(final String problem)
    {
        if (at == null)
        {
            return new TemplateExecutionException("template: " + executing + ": " + problem);
        }
        String context = at.text;
        if (context.codePointCount(0, context.length()) > CONTEXT_RUNES)
        {
            context = context.substring(0, context.offsetByCodePoints(0, CONTEXT_RUNES)) + "...";
        }
        return new TemplateExecutionException("template: " + TokenCursor.location(fileName, source, at.position)
            + ": executing " + GoQuote.quote(executing) + " at <" + context + ">: " + problem);
    }
}
