package io.sluice.config;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Where a YAML (or JSON) text failed to parse, and why, each in one line: snakeyaml's own message quotes the offending
 * line over several, and a parser error carries its position as the problem's mark or only as its context's. The one
 * reading of a parse error for every file Sluice reads with snakeyaml (configuration, detectors, bench baselines).
 *
 * @param where   the file, with {@code :LINE} when the error has a position.
 * @param problem what was wrong, one line.
 */
public record YamlSyntax(String where, String problem)
{
    /**
     * @param file the file parsed.
     * @param ex   the parser's error.
     * @return where and why.
     */
    public static YamlSyntax of(final String file, final MarkedYAMLException ex)
    {
        final Mark mark = ex.getProblemMark() != null ? ex.getProblemMark() : ex.getContextMark();
        final String problem = ex.getProblem() != null ? ex.getProblem() : ex.getContext();
        return new YamlSyntax(mark == null ? file : file + ":" + (mark.getLine() + 1),
            problem != null ? problem : firstLine(ex));
    }

    /**
     * @param ex a snakeyaml error.
     * @return the first line of its message.
     */
    public static String firstLine(final YAMLException ex)
    {
        return ex.getMessage() == null ? ex.toString() : ex.getMessage().lines().findFirst().orElse("");
    }
}
