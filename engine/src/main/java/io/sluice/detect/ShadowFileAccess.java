package io.sluice.detect;

import io.sluice.policy.EventView;
import io.sluice.policy.TextPattern;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code shadow_file_access}: a process opens {@code /etc/shadow} or {@code /etc/gshadow}, the password hashes an
 * adversary dumps to crack offline. Sluice's own (Tracee has no such detector), its metadata in Tracee's form.
 */
public final class ShadowFileAccess implements Detector
{
    private static final byte[] PATHNAME = "pathname".getBytes(StandardCharsets.UTF_8);
    private static final TextPattern[] SHADOW = {TextPattern.compile("/etc/shadow"), TextPattern.compile("/etc/gshadow")};
    private static final Threat THREAT = Threat.of("SLC-1",
        "Shadow file access detected",
        "A process opened /etc/shadow or /etc/gshadow. Adversaries read these files to dump password hashes and crack them offline.",
        Threat.MEDIUM, "Credential Access", "T1003.008", "/etc/passwd and /etc/shadow", "credential-access");

    @Override
    public String eventName()
    {
        return "shadow_file_access";
    }

    @Override
    public List<String> inputs()
    {
        return List.of("openat", "openat2");
    }

    @Override
    public Threat threat()
    {
        return THREAT;
    }

    @Override
    public boolean detect(final EventView event)
    {
        final int pathname = event.dataIndex(PATHNAME);
        if (pathname < 0)
        {
            return false;
        }
        for (final TextPattern pattern : SHADOW)
        {
            if (pattern.matches(event.dataValue(pathname), event.dataValueLength(pathname)))
            {
                return true;
            }
        }
        return false;
    }
}
