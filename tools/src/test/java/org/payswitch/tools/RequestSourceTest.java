package org.payswitch.tools;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.payswitch.core.demo.DemoData;
import org.payswitch.core.domain.Pan;

import static org.assertj.core.api.Assertions.assertThat;

class RequestSourceTest
{
    @Test
    void shouldGiveEveryRequestOfARunItsOwnReferenceAcrossConnections()
    {
        final Set<String> references = new HashSet<>();
        for (int connection = 0; connection < 3; connection++)
        {
            final RequestSource source = new RequestSource(1, connection, "AB12", 1_000, 10);
            for (int i = 0; i < 50_000; i++)
            {
                source.next();
                assertThat(references.add(source.rrn().toString())).isTrue();
            }
        }
        assertThat(references).allMatch(rrn -> rrn.length() == RequestSource.RRN_LENGTH && rrn.startsWith("AB12"));
    }

    @Test
    void shouldDrawDemoCardsMerchantsAndAmountsTheSameWayForTheSameSeed()
    {
        final RequestSource first = new RequestSource(7, 0, "AB12", 1_000, 10);
        final RequestSource second = new RequestSource(7, 0, "AB12", 1_000, 10);
        final Set<Long> demoPans = new HashSet<>();
        for (int card = 0; card < 1_000; card++)
        {
            demoPans.add(DemoData.pan(card));
        }
        for (int i = 0; i < 10_000; i++)
        {
            first.next();
            second.next();
            assertThat(first.pan).isEqualTo(second.pan).isIn(demoPans);
            assertThat(Pan.isLuhnValid(first.pan, 16)).isTrue();
            assertThat(first.merchant).isEqualTo(second.merchant).isBetween(0, 9);
            assertThat(first.amount).isEqualTo(second.amount).isBetween(1_000L, 20_000L);
        }
    }
}
