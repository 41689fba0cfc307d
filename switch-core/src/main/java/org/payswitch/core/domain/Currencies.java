package org.payswitch.core.domain;

/**
 * ISO 4217 currencies the switch knows, alpha code to numeric code and back. The engine works
 * with the numeric code only ({@code 156} is CNY), so the hot path compares integers.
 */
public final class Currencies
{
    /** Returned when a code is not known. */
    public static final int UNKNOWN = -1;

    private static final String[] ALPHA = {
        "CNY", "HKD", "MOP", "TWD", "USD", "EUR", "GBP", "JPY", "KRW", "SGD", "AUD", "CAD", "CHF", "THB", "MYR"
    };
    private static final int[] NUMERIC = {
        156, 344, 446, 901, 840, 978, 826, 392, 410, 702, 36, 124, 756, 764, 458
    };

    private Currencies()
    {
    }

    /** The numeric code of a three-letter alpha code, or {@link #UNKNOWN}. */
    public static int numericOf(final CharSequence alpha)
    {
        if (alpha == null || alpha.length() != 3)
        {
            return UNKNOWN;
        }
        for (int i = 0; i < ALPHA.length; i++)
        {
            final String candidate = ALPHA[i];
            if (candidate.charAt(0) == alpha.charAt(0) && candidate.charAt(1) == alpha.charAt(1) &&
                candidate.charAt(2) == alpha.charAt(2))
            {
                return NUMERIC[i];
            }
        }
        return UNKNOWN;
    }

    /** The alpha code of a numeric code, or null when unknown. */
    public static String alphaOf(final int numeric)
    {
        for (int i = 0; i < NUMERIC.length; i++)
        {
            if (NUMERIC[i] == numeric)
            {
                return ALPHA[i];
            }
        }
        return null;
    }

    /** True when the numeric code is one the switch knows. */
    public static boolean isKnown(final int numeric)
    {
        return alphaOf(numeric) != null;
    }
}
