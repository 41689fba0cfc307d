package org.payswitch.core.domain;

import org.junit.jupiter.api.Test;
import org.payswitch.core.demo.DemoData;

import static org.assertj.core.api.Assertions.assertThat;

class PanTest
{
    @Test
    void shouldParseTwelveToNineteenDigits()
    {
        assertThat(Pan.parse("622260000000")).isEqualTo(622260000000L);
        assertThat(Pan.parse("62226000000")).isEqualTo(Pan.INVALID);
        assertThat(Pan.parse("62226000000000000000")).isEqualTo(Pan.INVALID);
        assertThat(Pan.parse("6222600000000a06")).isEqualTo(Pan.INVALID);
        assertThat(Pan.toDigits(Pan.parse("9999999999999999999"), 19)).isEqualTo("9999999999999999999");
    }

    @Test
    void shouldCheckLuhnDigits()
    {
        assertThat(Pan.isLuhnValid(Pan.parse("6222600000000006"), 16)).isTrue();
        assertThat(Pan.isLuhnValid(Pan.parse("6222600000000007"), 16)).isFalse();
        assertThat(Pan.isLuhnValid(Pan.parse("4111111111111111"), 16)).isTrue();
        final long nineteen = Pan.parse("9999999999999999990");
        final int check = Pan.luhnCheckDigit(Long.divideUnsigned(nineteen, 10), 18);
        assertThat(Pan.isLuhnValid(nineteen + check, 19)).isTrue();
    }

    @Test
    void shouldBuildTheDemoPansOfTheContract()
    {
        assertThat(DemoData.panText(0)).isEqualTo("6222600000000006");
        assertThat(DemoData.panText(1)).startsWith("623199000000001").hasSize(16);
        for (int i = 0; i < 1000; i++)
        {
            assertThat(Pan.isLuhnValid(DemoData.pan(i), 16)).isTrue();
        }
    }

    @Test
    void shouldMaskAllButTheFirstSixAndLastFour()
    {
        assertThat(Pan.mask(Pan.parse("6222600000000006"), 16)).isEqualTo("622260******0006");
        assertThat(Pan.mask(Pan.parse("622260000001"), 12)).isEqualTo("622260**0001");
        assertThat(Pan.mask("1234567890123456789")).isEqualTo("123456*********6789");
        assertThat(Pan.mask("12345")).isEqualTo("12345");
    }

    @Test
    void shouldTakeBinPrefixes()
    {
        final long pan = Pan.parse("6222600000000006");
        assertThat(Pan.prefix(pan, 16, 6)).isEqualTo(622260);
        assertThat(Pan.prefix(pan, 16, 8)).isEqualTo(62226000);
    }
}
