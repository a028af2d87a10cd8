package io.sluice.format.gotemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * A template file parsed once, as Tracee's {@code template.New(base).Funcs(sprig).ParseFiles(path)}: the file is the
 * template named after its base name, with the templates it {@code define}s. Messages name the file by its path.
 * Immutable; each rendering thread makes its own {@link GoTemplateFormatter}.
 */
public final class GoTemplate
{
    private final String name;
    private final String fileName;
    private final byte[] source;
    private final Map<String, Tree> trees;

    private GoTemplate(final String name, final String fileName, final byte[] source, final Map<String, Tree> trees)
    {
        this.name = name;
        this.fileName = fileName;
        this.source = source;
        this.trees = trees;
    }

    /**
     * @param name the template's name, used in messages too.
     * @param text the template's UTF-8 text.
     * @return the parsed template.
     * @throws TemplateSyntaxException {@code template: NAME:LINE:COL: problem}.
     */
    public static GoTemplate parse(final String name, final byte[] text)
    {
        final Map<String, Tree> trees = new HashMap<>();
        TemplateParser.parse(name, name, text, trees);
        return new GoTemplate(name, name, text.clone(), Map.copyOf(trees));
    }

    /**
     * @param file a template file.
     * @return it parsed, named after its base name.
     * @throws IOException when it cannot be read.
     * @throws TemplateSyntaxException {@code template: PATH:LINE:COL: problem}.
     */
    public static GoTemplate read(final Path file) throws IOException
    {
        final byte[] text = Files.readAllBytes(file);
        final Map<String, Tree> trees = new HashMap<>();
        final Path base = file.getFileName();
        final String name = base == null ? file.toString() : base.toString();
        TemplateParser.parse(name, file.toString(), text, trees);
        return new GoTemplate(name, file.toString(), text, Map.copyOf(trees));
    }

    /**
     * @return the template's name.
     */
    public String name()
    {
        return name;
    }

    Tree root()
    {
        return trees.get(name);
    }

    Executor executor(final ZoneId zone)
    {
        return new Executor(fileName, source, zone);
    }
}
