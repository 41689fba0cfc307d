package org.payswitch.tools;

import java.util.Currency;

import org.payswitch.core.domain.Currencies;

/**
 * Minor units written in major units with the currency's exponent (ISO 4217 minor digits):
 * 12000 CNY is {@code 120.00}, 500 JPY is {@code 500}. The switch's own reports print CNY with
 * two decimals the same way; the exponent comes from the JDK's ISO 4217 table, 2 for a currency
 * it does not know. Never through a floating-point number.
 */
final class MoneyText
{
    private MoneyText()
    {
    }

    /** The ISO 4217 alphabetic code of a numeric currency, or the number itself when the switch does not know it. */
    static String currencyCode(final int numeric)
    {
        final String alpha = Currencies.alphaOf(numeric);
        return alpha != null ? alpha : Integer.toString(numeric);
    }

    /** The currency's exponent: how many of its minor units make one major unit, as a power of ten. */
    static int exponent(final int numeric)
    {
        final String alpha = Currencies.alphaOf(numeric);
        if (alpha == null)
        {
            return 2;
        }
        final int digits = Currency.getInstance(alpha).getDefaultFractionDigits();
        return digits < 0 ? 0 : digits;
    }

    /** {@code minorUnits} of the numeric currency in major units, e.g. {@code -1234.05}. */
    static String major(final long minorUnits, final int numeric)
    {
        final int exponent = exponent(numeric);
        final String digits = Long.toString(Math.abs(minorUnits));
        final StringBuilder text = new StringBuilder(digits.length() + 3);
        if (minorUnits < 0)
        {
            text.append('-');
        }
        if (exponent == 0)
        {
            return text.append(digits).toString();
        }
        final String padded = digits.length() > exponent ? digits : "0".repeat(exponent + 1 - digits.length()) + digits;
        final int point = padded.length() - exponent;
        return text.append(padded, 0, point).append('.').append(padded, point, padded.length()).toString();
    }
}
