package org.payswitch.tools;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest
{
    private static final long S = 1_000_000_000L;

    @Test
    void shouldBeOneWellFormedPageWithTheChartsTheTotalsAndNoExternalResource() throws Exception
    {
        final String html = report(Map.of("campaignId", "LOADGEN-HOT-TEST", "status", "EXHAUSTED")).toHtml();

        final Document page = DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertThat(page.getElementsByTagName("svg").getLength()).as("throughput, codes, 2 discount, latency, distribution")
            .isEqualTo(6);
        assertThat(page.getElementsByTagName("path").getLength()).isGreaterThanOrEqualTo(8);
        assertThat(page.getElementsByTagName("script").getLength()).isZero();
        assertThat(html).doesNotContain("src=", "href=", "url(", "@import").contains("http://www.w3.org/2000/svg");
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http");
        assertThat(html).contains("<td>sent</td><td>3000</td>", "<td>answered</td><td>2998</td>",
            "<td>unanswered</td><td>2</td>", "INCOMPLETE", "00=2990 51=8", "LOADGEN-HOT-TEST", "EXHAUSTED",
            "99.9%", "hot campaign", "00:00 (peak)", "run &lt;R1&gt;");
    }

    @Test
    void shouldLabelThePercentileAxisAsHdrHistogramsPlotterDoes()
    {
        assertThat(List.of(SvgChart.percentileLabel(1), SvgChart.percentileLabel(2), SvgChart.percentileLabel(3),
            SvgChart.percentileLabel(5))).containsExactly("90%", "99%", "99.9%", "99.999%");
        assertThat(SvgChart.percentileX(0)).isZero();
        assertThat(SvgChart.percentileX(99)).isCloseTo(2.0, org.assertj.core.api.Assertions.within(1e-9));
    }

    private static HtmlReport report(final Map<String, String> campaign)
    {
        final Timeline timeline = new Timeline(5, LoadConnection.MAX_LATENCY_NANOS, HotCampaign.DISCOUNT);
        timeline.start(0);
        final Histogram latency = new Histogram(LoadConnection.MAX_LATENCY_NANOS, 3);
        for (int s = 0; s < 3; s++)
        {
            for (int i = 0; i < 1_000; i++)
            {
                final long at = s * S + i * 1_000_000L;
                timeline.sent(at);
                if (s < 2 || i < 998)
                {
                    final long value = 1_000_000L + i * 10_000L;
                    timeline.answered(at + value, value, i < 8 && s == 0 ? 51 : 0, i % 5 == 0 ? HotCampaign.DISCOUNT : 0);
                    latency.recordValue(value);
                }
            }
            timeline.closeSecond(s);
        }
        final long[] codes = new long[100];
        codes[0] = 2_990;
        codes[51] = 8;
        final LoadResult result = new LoadResult(3_000, 0, 2_998, 2_998, 600, 0, 0, codes, latency, latency.copy(),
            3 * S, false);
        final Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("run id", "<R1>");
        parameters.put("mode", "open loop, profile singles-day");
        return new HtmlReport(parameters, result, timeline, new RateSchedule(500, 1_000, S, 3 * S),
            Map.of(1, "00:00 (peak)"), campaign);
    }
}
