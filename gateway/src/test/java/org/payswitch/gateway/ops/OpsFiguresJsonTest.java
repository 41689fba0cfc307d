package org.payswitch.gateway.ops;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.payswitch.core.discount.CampaignDefinition;
import org.payswitch.core.discount.CampaignFigures;
import org.payswitch.core.discount.CampaignStatus;
import org.payswitch.core.domain.ResponseCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.payswitch.core.testing.Campaigns.campaign;

/** The figures the page polls (docs/api.md, "The operations page"): shape, the samples after the one seen, budgets. */
class OpsFiguresJsonTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CampaignDefinition budgeted = campaign("BUDGETED").funder("Bank \"A\"").budget(600_000).build();
    private final CampaignDefinition unlimited = campaign("UNLIMITED").budget(CampaignDefinition.NO_LIMIT).build();

    @Test
    void shouldGiveTheSamplesAfterTheOneSeenWithTheCampaignsOfTheNewest() throws Exception
    {
        final OpsHistory history = new OpsHistory(10);
        history.add(sample(0, List.of(figures(budgeted, CampaignStatus.ACTIVE, 600_000))));
        history.add(sample(1, List.of(figures(budgeted, CampaignStatus.ACTIVE, 599_000))));
        history.add(sample(2, List.of(figures(budgeted, CampaignStatus.PAUSED, 598_000),
            figures(unlimited, CampaignStatus.ACTIVE, CampaignDefinition.NO_LIMIT))));

        final JsonNode figures = write(history, 0);

        assertThat(figures.get("latest").asLong()).isEqualTo(2);
        assertThat(figures.get("windowSamples").asInt()).isEqualTo(10);
        assertThat(figures.get("sampleMillis").asLong()).isEqualTo(OpsSampler.SAMPLE_MILLIS);
        assertThat(figures.get("samples").findValues("seq")).extracting(JsonNode::asLong).containsExactly(1L, 2L);
        final JsonNode newest = figures.get("samples").get(1);
        assertThat(newest.get("campaigns").get(0).get("status").asText()).isEqualTo("PAUSED");
        assertThat(newest.get("campaigns").get(1).get("remainingBudget").asLong()).isEqualTo(-1);
        assertThat(figures.get("campaigns")).hasSize(2);
        final JsonNode first = figures.get("campaigns").get(0);
        assertThat(first.get("funder").asText()).isEqualTo("Bank \"A\"");
        assertThat(first.get("budget").asLong()).isEqualTo(600_000);
        assertThat(first.get("remainingBudget").asLong()).isEqualTo(598_000);
        assertThat(first.get("currency").asText()).isEqualTo("CNY");
        assertThat(figures.get("campaigns").get(1).get("budget").asLong()).isEqualTo(-1);
    }

    @Test
    void shouldNameEveryCodeInTheOrderOfTheAnswersAndGiveNoLatencyForAQuietSecond() throws Exception
    {
        final OpsHistory history = new OpsHistory(10);
        history.add(sample(0, List.of()));

        final JsonNode figures = write(history, -1);

        assertThat(figures.get("codes")).hasSize(ResponseCode.values().length);
        assertThat(figures.get("codes").get(ResponseCode.DO_NOT_HONOUR.ordinal()).get("code").asText()).isEqualTo("05");
        assertThat(figures.get("codes").get(ResponseCode.DO_NOT_HONOUR.ordinal()).get("meaning").asText())
            .isEqualTo("do not honour");
        final JsonNode sample = figures.get("samples").get(0);
        assertThat(sample.get("answers")).hasSize(ResponseCode.values().length);
        assertThat(sample.get("latencyNanos").isNull()).isTrue();
    }

    @Test
    void shouldSayNothingIsSampledYetBeforeTheFirstSample() throws Exception
    {
        final JsonNode figures = write(new OpsHistory(10), -1);

        assertThat(figures.get("latest").asLong()).isEqualTo(-1);
        assertThat(figures.get("samples")).isEmpty();
        assertThat(figures.get("campaigns")).isEmpty();
    }

    private static JsonNode write(final OpsHistory history, final long after) throws Exception
    {
        final ByteBuf out = Unpooled.buffer();
        OpsFiguresJson.write(history, after, out);
        return JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }

    private static CampaignFigures figures(final CampaignDefinition definition, final CampaignStatus status,
        final long remaining)
    {
        return new CampaignFigures(definition, status, 3, 3_000, remaining, 3, 3_000, 0, 0);
    }

    private static OpsSample sample(final long seq, final List<CampaignFigures> campaigns)
    {
        final List<Long> answers = new ArrayList<>();
        for (int i = 0; i < ResponseCode.values().length; i++)
        {
            answers.add((long)i);
        }
        return new OpsSample(seq, 1_000 * seq, answers, 136, 5, 0, OpsSample.NO_LATENCY, OpsSample.NO_LATENCY,
            OpsSample.NO_LATENCY, 2, 1024, 77, campaigns);
    }
}
