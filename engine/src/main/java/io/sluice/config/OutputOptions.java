package io.sluice.config;

/**
 * {@code output.options}: switches that change what events carry or in which order they leave.
 *
 * @param sortEvents     order events by timestamp within a bounded window before streams see them.
 * @param execEnv        capture the environment of exec events.
 * @param parseArguments print flags and modes as names instead of numbers.
 * @param stackAddresses capture user stack addresses.
 */
public record OutputOptions(boolean sortEvents, boolean execEnv, boolean parseArguments, boolean stackAddresses)
{
    /** Every option off. */
    public static final OutputOptions NONE = new OutputOptions(false, false, false, false);
}
