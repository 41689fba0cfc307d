package org.payswitch.tools;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link MoneyText}: minor units in major units with the currency's exponent. */
class MoneyTextTest
{
    private static final int CNY = 156;
    private static final int JPY = 392;

    @Test
    void shouldWriteTwoDecimalsForCnyAndNoneForJpy()
    {
        assertThat(MoneyText.major(12_000, CNY)).isEqualTo("120.00");
        assertThat(MoneyText.major(5, CNY)).isEqualTo("0.05");
        assertThat(MoneyText.major(0, CNY)).isEqualTo("0.00");
        assertThat(MoneyText.major(-1_234, CNY)).isEqualTo("-12.34");
        assertThat(MoneyText.major(999_999_999_999L, CNY)).isEqualTo("9999999999.99");
        assertThat(MoneyText.major(500, JPY)).isEqualTo("500");
        assertThat(MoneyText.major(-7, JPY)).isEqualTo("-7");
    }

    @Test
    void shouldWriteACurrencyTheSwitchDoesNotKnowByItsNumberWithTwoDecimals()
    {
        assertThat(MoneyText.currencyCode(999)).isEqualTo("999");
        assertThat(MoneyText.major(1_050, 999)).isEqualTo("10.50");
        assertThat(MoneyText.currencyCode(CNY)).isEqualTo("CNY");
    }
}
