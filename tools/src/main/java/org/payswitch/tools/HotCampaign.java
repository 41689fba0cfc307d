package org.payswitch.tools;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Singles' Day profile's hot campaign, created through the switch's operator API
 * ({@code POST /v1/campaigns}, docs/api.md section 3) before the run: a FIXED discount bigger than the
 * demo campaign's 10.00 on the hot BIN, on every merchant, no per-card limit, active from an hour
 * ago for a day, with a small budget sized by the caller so that it runs out around the middle of
 * the run; its id is unique to the run. After the run its live figures ({@code GET
 * /v1/campaigns/{id}}) show how much of the budget went. Not on the request path: the JDK's
 * HTTP client, one call each.
 *
 * @param baseUrl    {@code http://host:port} of the switch's HTTP API
 * @param adminToken the operator bearer token
 * @param campaignId the run's campaign id
 */
record HotCampaign(String baseUrl, String adminToken, String campaignId)
{
    /** The discount of each redemption, minor units: 18.88 CNY, above the demo campaign's 10.00. */
    static final long DISCOUNT = 1_888;
    /** The smallest amount that gets it, minor units, above the discount so it is never cut to the amount. */
    static final long MIN_AMOUNT = 2_000;

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Reads the operator API's answers (a cold path: twice a run). */
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The share (0..1) of the requests drawn by {@link RequestSource} whose amount reaches {@link #MIN_AMOUNT}. */
    static double eligibleAmountShare()
    {
        return (double)(RequestSource.MIN_AMOUNT + RequestSource.AMOUNT_SPREAD - MIN_AMOUNT) / RequestSource.AMOUNT_SPREAD;
    }

    /** A budget of whole redemptions for {@code redemptions} of them (at least one). */
    static long budgetFor(final double redemptions)
    {
        return DISCOUNT * Math.max(1, Math.round(redemptions));
    }

    /** The request body creating the campaign with {@code budget} minor units. */
    String definition(final long budget, final OffsetDateTime now)
    {
        final OffsetDateTime start = now.withOffsetSameInstant(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        return "{\"campaignId\":\"" + campaignId + "\",\"funder\":\"Load generator hot campaign\"," +
            "\"binPrefixes\":[\"" + RequestSource.HOT_BIN + "\"],\"mccs\":[],\"merchantIds\":[],\"currency\":\"CNY\"," +
            "\"startsAt\":\"" + start.minusHours(1) + "\",\"endsAt\":\"" + start.plusDays(1) + "\"," +
            "\"minAmount\":" + MIN_AMOUNT + ",\"discount\":{\"type\":\"FIXED\",\"amount\":" + DISCOUNT + "}," +
            "\"perCardLimit\":null,\"perCardDailyLimit\":null,\"perCardMonthlyLimit\":null," +
            "\"budget\":" + budget + ",\"dailyBudget\":null,\"maxRedemptions\":null,\"dailyMaxRedemptions\":null," +
            "\"onReversal\":\"CONSUME\"}";
    }

    /** Creates the campaign; null when done, else what went wrong. */
    String create(final long budget) throws InterruptedException
    {
        try
        {
            final HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/campaigns"))
                .POST(HttpRequest.BodyPublishers.ofString(definition(budget, OffsetDateTime.now()), StandardCharsets.UTF_8))
                .header("Content-Type", "application/json"));
            final Map<String, String> figures = figuresOf(answer.body());
            if (answer.statusCode() != 200 || !campaignId.equals(figures.get("campaignId")))
            {
                return "POST /v1/campaigns answered " + answer.statusCode() + " " + answer.body();
            }
            return null;
        }
        catch (final IOException e)
        {
            return "POST /v1/campaigns: " + e.getMessage();
        }
    }

    /** The campaign's live figures (status, redemptions, discountGranted, remainingBudget, budget); empty if unavailable. */
    Map<String, String> figures() throws InterruptedException
    {
        try
        {
            final HttpResponse<String> answer = send(HttpRequest.newBuilder(
                URI.create(baseUrl + "/v1/campaigns/" + campaignId)).GET());
            final Map<String, String> all = figuresOf(answer.body());
            final Map<String, String> shown = new LinkedHashMap<>();
            shown.put("campaignId", campaignId);
            for (final String key : List.of("status", "redemptions", "budget", "discountGranted", "remainingBudget"))
            {
                if (all.containsKey(key))
                {
                    shown.put(key, "status".equals(key) || "redemptions".equals(key) ? all.get(key) : money(all.get(key)));
                }
            }
            return answer.statusCode() == 200 ? shown : Map.of();
        }
        catch (final IOException e)
        {
            return Map.of();
        }
    }

    /** Minor units as "2843328 (28433.28 CNY)". */
    private static String money(final String minorUnits)
    {
        try
        {
            final long value = Long.parseLong(minorUnits);
            return String.format("%d (%d.%02d CNY)", value, value / 100, Math.abs(value % 100));
        }
        catch (final NumberFormatException e)
        {
            return minorUnits;
        }
    }

    private HttpResponse<String> send(final HttpRequest.Builder request) throws IOException, InterruptedException
    {
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT)
            .build();
        return client.send(request.timeout(TIMEOUT).header("Authorization", "Bearer " + adminToken).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    /** The top-level scalar fields of a JSON object, as text; empty when the body is no object. */
    private static Map<String, String> figuresOf(final String body)
    {
        final Map<String, String> fields = new LinkedHashMap<>();
        try
        {
            final JsonNode tree = JSON.readTree(body);
            if (tree != null && tree.isObject())
            {
                tree.properties().forEach(field ->
                {
                    if (field.getValue().isTextual() || field.getValue().isIntegralNumber())
                    {
                        fields.put(field.getKey(), field.getValue().asText());
                    }
                });
            }
        }
        catch (final JsonProcessingException e)
        {
            fields.clear();
        }
        return fields;
    }
}
