package io.sluice.format.gotemplate;

import org.agrona.DirectBuffer;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Go's {@code time.Time.Format} with Go's layouts (reference time {@code Mon Jan 2 15:04:05 MST 2006}:
 * {@code 2006-01-02}, {@code 15:04:05.000}, {@code Z07:00}...) and {@code time.Time.String()}, in one zone: Sprig's
 * {@code date} formats in the local zone. Dates are rare in templates; this path allocates.
 */
final class GoTime
{
    private static final String[] STD = {"January", "Jan", "Monday", "Mon", "MST", "002", "01", "02", "03", "04", "05", "06",
        "15", "2006", "__2", "_2", "1", "2", "3", "4", "5", "PM", "pm", "-07:00:00", "-070000", "-07:00", "-0700", "-07",
        "Z07:00:00", "Z070000", "Z07:00", "Z0700", "Z07"};

    private final ZoneId zone;
    private final long monotonicStart;

    /**
     * @param zone           the zone dates are shown in (Go's {@code Local}).
     * @param monotonicStart {@link System#nanoTime()} when the clock started, for {@code m=+...} in {@code now}'s text.
     */
    GoTime(final ZoneId zone, final long monotonicStart)
    {
        this.zone = zone;
        this.monotonicStart = monotonicStart;
    }

    /**
     * @param out set to Go's {@code time.Now()}, with its monotonic reading.
     */
    void now(final Value out)
    {
        final Instant now = Instant.now();
        out.setTime(now.getEpochSecond(), now.getNano(), System.nanoTime() - monotonicStart);
    }

    /**
     * Writes {@code time.Time.String()}: {@code 2006-01-02 15:04:05.999999999 -0700 MST}, then {@code m=+0.001} for a
     * time with a monotonic reading.
     */
    void print(final Value time, final ByteSink out)
    {
        format(time.bits, time.nanos, "2006-01-02 15:04:05.999999999 -0700 MST", out);
        if (time.monotonic >= 0)
        {
            out.putAscii(" m=+");
            out.putLong(time.monotonic / 1_000_000_000L);
            out.put('.');
            final String fraction = Long.toString(1_000_000_000L + time.monotonic % 1_000_000_000L).substring(1);
            out.putAscii(fraction);
        }
    }

    /**
     * Writes the time formatted with a Go layout given as bytes.
     */
    void format(final long seconds, final int nanos, final DirectBuffer layout, final int offset, final int length,
        final ByteSink out)
    {
        final byte[] bytes = new byte[length];
        layout.getBytes(offset, bytes);
        format(seconds, nanos, new String(bytes, java.nio.charset.StandardCharsets.UTF_8), out);
    }

    void format(final long seconds, final int nanos, final String layout, final ByteSink out)
    {
        final ZonedDateTime t = Instant.ofEpochSecond(seconds, nanos).atZone(zone);
        int i = 0;
        while (i < layout.length())
        {
            final int std = stdAt(layout, i);
            if (std < 0)
            {
                final int fraction = fractionAt(layout, i);
                if (fraction > 0)
                {
                    fraction(layout.charAt(i), layout.charAt(i + 1), fraction - 1, nanos, out);
                    i += fraction;
                    continue;
                }
                out.putRune(layout.codePointAt(i));
                i += Character.charCount(layout.codePointAt(i));
                continue;
            }
            final String token = STD[std];
            if (token.equals("_2") && layout.startsWith("_2006", i))
            {
                out.put('_');
                i++;
                continue;
            }
            element(token, t, out);
            i += token.length();
        }
    }

    private static int stdAt(final String layout, final int i)
    {
        for (int s = 0; s < STD.length; s++)
        {
            if (layout.startsWith(STD[s], i))
            {
                if (STD[s].equals("Jan") && layout.startsWith("January", i) || STD[s].equals("Mon") && layout.startsWith("Monday", i))
                {
                    continue;
                }
                return s;
            }
        }
        return -1;
    }

    /**
     * @return the length of a fractional-seconds element ({@code .000}, {@code ,999}) at i, or 0.
     */
    private static int fractionAt(final String layout, final int i)
    {
        final char c = layout.charAt(i);
        if ((c != '.' && c != ',') || i + 1 >= layout.length())
        {
            return 0;
        }
        final char digit = layout.charAt(i + 1);
        if (digit != '0' && digit != '9')
        {
            return 0;
        }
        int j = i + 1;
        while (j < layout.length() && layout.charAt(j) == digit)
        {
            j++;
        }
        if (j < layout.length() && Character.isDigit(layout.charAt(j)))
        {
            return 0;
        }
        return j - i;
    }

    private static void fraction(final char separator, final char digit, final int digits, final int nanos, final ByteSink out)
    {
        String text = Integer.toString(1_000_000_000 + nanos).substring(1, 1 + Math.min(digits, 9));
        if (digit == '9')
        {
            int end = text.length();
            while (end > 0 && text.charAt(end - 1) == '0')
            {
                end--;
            }
            if (end == 0)
            {
                return;
            }
            text = text.substring(0, end);
        }
        out.put(separator);
        out.putAscii(text);
    }

    private void element(final String token, final ZonedDateTime t, final ByteSink out)
    {
        final int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        switch (token)
        {
            case "January" -> out.putAscii(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            case "Jan" -> out.putAscii(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
            case "Monday" -> out.putAscii(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            case "Mon" -> out.putAscii(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
            case "MST" -> zoneName(t, out);
            case "002" -> padded(t.getDayOfYear(), 3, '0', out);
            case "__2" -> padded(t.getDayOfYear(), 3, ' ', out);
            case "01" -> padded(t.getMonthValue(), 2, '0', out);
            case "02" -> padded(t.getDayOfMonth(), 2, '0', out);
            case "_2" -> padded(t.getDayOfMonth(), 2, ' ', out);
            case "03" -> padded(hour12, 2, '0', out);
            case "04" -> padded(t.getMinute(), 2, '0', out);
            case "05" -> padded(t.getSecond(), 2, '0', out);
            case "06" -> padded(Math.floorMod(t.getYear(), 100), 2, '0', out);
            case "15" -> padded(t.getHour(), 2, '0', out);
            case "2006" -> padded(t.getYear(), 4, '0', out);
            case "1" -> out.putLong(t.getMonthValue());
            case "2" -> out.putLong(t.getDayOfMonth());
            case "3" -> out.putLong(hour12);
            case "4" -> out.putLong(t.getMinute());
            case "5" -> out.putLong(t.getSecond());
            case "PM" -> out.putAscii(t.getHour() >= 12 ? "PM" : "AM");
            case "pm" -> out.putAscii(t.getHour() >= 12 ? "pm" : "am");
            default -> offset(token, t.getOffset().getTotalSeconds(), out);
        }
    }

    private void zoneName(final ZonedDateTime t, final ByteSink out)
    {
        final String id = zone.getId();
        if (id.equals("UTC") || id.equals("Z") || id.equals("Etc/UTC") || id.equals("GMT") && t.getOffset().getTotalSeconds() == 0)
        {
            out.putAscii("UTC");
            return;
        }
        final String name = TimeZone.getTimeZone(zone).getDisplayName(zone.getRules().isDaylightSavings(t.toInstant()),
            TimeZone.SHORT, Locale.ROOT);
        if (name.startsWith("GMT") && name.length() > 3)
        {
            offset("-0700", t.getOffset().getTotalSeconds(), out);
            return;
        }
        out.putAscii(name);
    }

    private static void offset(final String token, final int seconds, final ByteSink out)
    {
        if (token.charAt(0) == 'Z' && seconds == 0)
        {
            out.put('Z');
            return;
        }
        final int abs = Math.abs(seconds);
        out.put(seconds < 0 ? '-' : '+');
        padded(abs / 3600, 2, '0', out);
        final boolean colon = token.contains(":");
        final int digits = token.length() - 1 - (colon ? (token.length() - token.replace(":", "").length()) : 0);
        if (digits >= 4)
        {
            if (colon)
            {
                out.put(':');
            }
            padded(abs / 60 % 60, 2, '0', out);
        }
        if (digits >= 6)
        {
            if (colon)
            {
                out.put(':');
            }
            padded(abs % 60, 2, '0', out);
        }
    }

    private static void padded(final long value, final int width, final char pad, final ByteSink out)
    {
        final long abs = Math.abs(value);
        if (value < 0)
        {
            out.put('-');
        }
        int digits = 1;
        for (long p = 10; p <= abs; p *= 10)
        {
            digits++;
        }
        for (int i = digits; i < width; i++)
        {
            out.put(pad);
        }
        out.putUnsigned(abs);
    }
}
