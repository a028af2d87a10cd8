package io.sluice.cli.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mutable tree where the YAML file and the {@code --output} flags meet: the file is read into it first, then each
 * flag is applied in order, replacing the same key or adding new destinations and streams. Nothing here is
 * validated beyond value types; {@link OutputConfigResolver} turns it into the immutable model.
 */
final class RawOutputTree
{
    /** The output options Sluice offers, as written in config. */
    static final List<String> OPTIONS = List.of("exec-env", "sort-events", "parse-arguments", "stack-addresses");
    /** Tracee output options that Sluice recognises but does not offer (yet). */
    static final List<String> TRACEE_ONLY_OPTIONS = List.of("relative-time", "exec-hash", "parse-arguments-fds");

    /** Destinations by name, in declaration order (file first, then flags). */
    final Map<String, RawDestination> destinations = new LinkedHashMap<>();
    /** Streams by name, in declaration order (file first, then flags). */
    final Map<String, RawStream> streams = new LinkedHashMap<>();
    /** Options by name; absent means false. */
    final Map<String, RawValue<Boolean>> options = new LinkedHashMap<>();
    /** The file's {@code output} written as Tracee's list of flags, item by item (applied before the flags). */
    final List<RawValue<String>> listForm = new ArrayList<>();
    /** The {@code --output none} flag, or null. */
    RawValue<String> none;
    /** The file's {@code server} section (not output: read here because the file is read once). */
    ServerSettings server = new ServerSettings();

    /**
     * @param name an option name as written.
     * @return true for an option Sluice offers ({@link #OPTIONS}).
     */
    static boolean isOption(final String name)
    {
        return OPTIONS.contains(name);
    }

    /**
     * @param name       a destination name.
     * @param declaredAt where it is first mentioned.
     * @param nameSource where its name is written.
     * @return the destination of that name, created when new.
     */
    RawDestination destination(final String name, final Source declaredAt, final Source nameSource)
    {
        return destinations.computeIfAbsent(name, n -> new RawDestination(n, declaredAt, nameSource, null));
    }

    /**
     * @param name       a stream name.
     * @param declaredAt where it is first mentioned.
     * @param nameSource where its name is written.
     * @return the stream of that name, created when new.
     */
    RawStream stream(final String name, final Source declaredAt, final Source nameSource)
    {
        return streams.computeIfAbsent(name, n -> new RawStream(n, declaredAt, nameSource));
    }

    /**
     * @return true when no destination, stream or {@code none} was configured (options alone do not count).
     */
    boolean hasNoOutput()
    {
        return destinations.isEmpty() && streams.isEmpty() && none == null;
    }
}
