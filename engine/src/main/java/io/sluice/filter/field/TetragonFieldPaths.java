package io.sluice.filter.field;

import java.util.Locale;
import java.util.Map;

/**
 * Tetragon's field paths in a field filter ({@code pkg/fieldfilters}: paths inside the event, {@code process.binary},
 * {@code parent.pod.namespace}), mapped to the {@code v1beta1.Event} paths Sluice's events have, so a Tetragon field
 * filter line works unchanged. Tetragon's {@code parent} and {@code ancestors} are both Sluice's
 * {@code workload.process.ancestors} (a repeated field, named whole: the parent is its first element).
 */
final class TetragonFieldPaths
{
    /** Tetragon's path (under {@code process.}) and the v1beta1.Event path it is. */
    private static final Map<String, String> PROCESS = Map.ofEntries(
        Map.entry("", "workload.process"),
        Map.entry("binary", "workload.process.executable.path"),
        Map.entry("pid", "workload.process.host_pid"),
        Map.entry("uid", "workload.process.real_user.id"),
        Map.entry("exec_id", "workload.process.unique_id"),
        Map.entry("tid", "workload.process.thread.host_tid"),
        Map.entry("start_time", "workload.process.thread.start_time"),
        Map.entry("docker", "workload.container.id"),
        Map.entry("pod", "workload.pod"),
        Map.entry("pod.name", "workload.pod.name"),
        Map.entry("pod.namespace", "workload.pod.namespace"),
        Map.entry("pod.uid", "workload.pod.uid"),
        Map.entry("pod.container", "workload.container"),
        Map.entry("pod.container.id", "workload.container.id"),
        Map.entry("pod.container.name", "workload.container.name"),
        Map.entry("pod.container.image", "workload.container.image"),
        Map.entry("pod.container.image.id", "workload.container.image.id"),
        Map.entry("pod.container.image.name", "workload.container.image.name"));

    private TetragonFieldPaths()
    {
    }

    /**
     * @param path a field filter path as written.
     * @return the v1beta1.Event path Tetragon's path stands for, or null when it is not one of Tetragon's.
     */
    static String toEventPath(final String path)
    {
        final String wanted = path.trim().toLowerCase(Locale.ROOT);
        if (wanted.equals("parent") || wanted.startsWith("parent.") || wanted.equals("ancestors") || wanted.startsWith("ancestors."))
        {
            return "workload.process.ancestors";
        }
        if (wanted.equals("time"))
        {
            return "timestamp";
        }
        if (wanted.equals("policy_name"))
        {
            return "policies.matched";
        }
        for (final String head : new String[] {"process", "pod"})
        {
            if (wanted.equals(head) || wanted.startsWith(head + "."))
            {
                final String rest = wanted.equals(head) ? "" : wanted.substring(head.length() + 1);
                return PROCESS.get(head.equals("pod") ? (rest.isEmpty() ? "pod" : "pod." + rest) : rest);
            }
        }
        return null;
    }
}
