package io.sluice.parse;

/**
 * The bit-mask arguments Tracee names flag by flag ({@code common/parsers/data_parsers.go}): {@code access} modes,
 * the {@code *at} calls' {@code AT_*} flags, and memory protections, each with Tracee's rule for 0 and for a mask
 * it knows no flag of.
 */
final class MaskNames
{
    private static final Flag AT_SYMLINK_NOFOLLOW = Flag.of(0x100, "AT_SYMLINK_NOFOLLOW");
    private static final Flag AT_EACCESS = Flag.of(0x200, "AT_EACCESS");
    private static final Flag AT_EMPTY_PATH = Flag.of(0x1000, "AT_EMPTY_PATH");

    /** {@code access}/{@code faccessat} mode: 0 is {@code F_OK}; no known bit prints the number. */
    static final ArgumentParser ACCESS_MODE =
        FlagNames.orDecimal("F_OK", Flag.of(1, "X_OK"), Flag.of(2, "W_OK"), Flag.of(4, "R_OK"));

    /** {@code faccessat} flags: 0 is empty; no known bit prints the number. */
    static final ArgumentParser FACCESSAT_FLAGS = FlagNames.orDecimal(null, AT_EACCESS, AT_EMPTY_PATH, AT_SYMLINK_NOFOLLOW);

    /** {@code fchmodat} flags: only {@code AT_SYMLINK_NOFOLLOW} is named; 0 is empty. */
    static final ArgumentParser FCHMODAT_FLAGS = FlagNames.orDecimal(null, AT_SYMLINK_NOFOLLOW);

    /** {@code execveat} flags: 0 is empty. */
    static final ArgumentParser EXECVEAT_FLAGS = FlagNames.orDecimal(null, AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH);

    /** {@code mmap}/{@code mprotect} {@code prot}: 0 is {@code PROT_NONE}; no known bit is the empty string. */
    static final ArgumentParser MMAP_PROT = FlagNames.orEmpty("PROT_NONE", Flag.of(0x1, "PROT_READ"),
        Flag.of(0x2, "PROT_WRITE"), Flag.of(0x4, "PROT_EXEC"), Flag.of(0x8, "PROT_SEM"),
        Flag.of(0x01000000, "PROT_GROWSDOWN"), Flag.of(0x02000000, "PROT_GROWSUP"));

    private MaskNames()
    {
    }
}
