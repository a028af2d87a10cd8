package io.sluice.cli.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The top-level sections of a Tracee config file ({@code examples/config/global_config.yaml},
 * {@code pkg/cmd/flags/config.go}) that Sluice has no equivalent for: a whole Tracee config is accepted, these are
 * named once, in one warning line, and ignored. {@code server} and {@code logging} are read by their own readers;
 * {@code policy}, {@code events} and {@code scope} are not config keys in Tracee (its docs: command line only), so they
 * are not here and stay errors.
 */
final class TraceeSections
{
    /** Tracee's section and why Sluice ignores it. */
    private static final Map<String, String> WITHOUT_EQUIVALENT = Map.of(
        "buffers", "Sluice sizes its rings itself",
        "stores", "Sluice always keeps its process tree",
        "capabilities", "Sluice does not drop capabilities",
        "enrichment", "Sluice always enriches containers and pods",
        "artifacts", "Sluice captures no artifacts",
        "detectors", "Sluice has no YAML detectors yet",
        "signatures-dir", "Sluice has no Go or Rego signatures",
        "no-signatures", "Sluice has no Go or Rego signatures");

    private final String file;
    private final List<String> found = new ArrayList<>();

    /**
     * @param file the config file, as the warning names it.
     */
    TraceeSections(final String file)
    {
        this.file = file;
    }

    /** @return the sections' names, for an error about an unknown one. */
    static String names()
    {
        return String.join(", ", WITHOUT_EQUIVALENT.keySet().stream().sorted().toList());
    }

    /**
     * @param section a top-level key.
     * @param line    its line.
     * @return true when it is one of Tracee's sections without an equivalent (it is then noted for the warning).
     */
    boolean add(final String section, final int line)
    {
        final String why = WITHOUT_EQUIVALENT.get(section);
        if (why == null)
        {
            return false;
        }
        found.add(section + " (line " + line + ": " + why + ")");
        return true;
    }

    /**
     * @param warnings receives the one line naming every section found, when any was.
     */
    void warn(final List<String> warnings)
    {
        if (!found.isEmpty())
        {
            warnings.add(file + ": Tracee sections without a Sluice equivalent, ignored: " + String.join(", ", found));
        }
    }
}
