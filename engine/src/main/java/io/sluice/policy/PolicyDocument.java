package io.sluice.policy;

import java.util.List;

/**
 * A policy as written, before compilation: from a {@code Policy} file or from {@code --events}/{@code --scope}.
 *
 * @param name   {@code metadata.name}.
 * @param origin the file (or flags) it came from, for error messages.
 * @param scope  the scope expressions ({@code global}, {@code comm=bash}, {@code follow} ...).
 * @param rules  the rules.
 */
public record PolicyDocument(String name, String origin, List<String> scope, List<Rule> rules)
{
    /**
     * One rule as written.
     *
     * @param field   where it is, for messages ({@code spec.rules[1]}, {@code --events}).
     * @param event   the event's name.
     * @param filters its filter expressions.
     */
    public record Rule(String field, String event, List<String> filters)
    {
    }
}
