package io.sluice.format;

import io.sluice.config.FormatSpec;
import io.sluice.format.gotemplate.GoTemplate;
import io.sluice.format.gotemplate.GoTemplateFormatter;
import io.sluice.format.gotemplate.TemplateSyntaxException;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The {@code gotemplate=FILE} entry of {@link Formats}: each event rendered through a Go {@code text/template} file
 * ({@link GoTemplateFormatter}), as Tracee's template printer does. The file is parsed when the configuration is
 * checked ({@link #check}, by {@code validate} and by a run) and again when the formatter is built.
 */
final class GoTemplateFormat implements Format
{
    @Override
    public String key()
    {
        return "gotemplate";
    }

    @Override
    public String usage()
    {
        return "gotemplate=FILE";
    }

    @Override
    public boolean takesArgument()
    {
        return true;
    }

    @Override
    public String argumentMeaning()
    {
        return "a template file";
    }

    /**
     * @return none: the rendering is written as the template prints it, as Tracee does.
     */
    @Override
    public int recordSeparator()
    {
        return NO_SEPARATOR;
    }

    @Override
    public void check(final FormatSpec spec)
    {
        read(spec);
    }

    @Override
    public EventFormatter create(final FormatSpec spec, final FormatContext context)
    {
        return new GoTemplateFormatter(read(spec), context.catalog(), context.policyNames());
    }

    private static GoTemplate read(final FormatSpec spec)
    {
        final Path file = Path.of(spec.argument());
        try
        {
            return GoTemplate.read(file);
        }
        catch (final NoSuchFileException ex)
        {
            throw new IllegalArgumentException("cannot read template " + file + ": no such file");
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("cannot read template " + file + ": " + ex.getMessage());
        }
        catch (final TemplateSyntaxException ex)
        {
            throw new IllegalArgumentException(ex.getMessage());
        }
    }
}
