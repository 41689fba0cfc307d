package org.payswitch.gateway.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.payswitch.core.domain.Currencies;
import org.payswitch.core.domain.Pan;
import org.payswitch.core.domain.ZoneCalendar;
import org.payswitch.core.engine.SwitchCommand;
import org.payswitch.core.testing.Seeds;
import org.payswitch.gateway.json.JsonCursor;
import org.payswitch.gateway.json.RandomJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization parser against a reference: Jackson reads the same random body member by
 * member, and docs/api.md section 3's rules, written out here plainly, say what each member
 * makes of the command or which field is at fault. Bodies have the known fields with good and
 * bad values of every type, unknown fields (long, non-ASCII and escaped names; values of any
 * kind, some nested past the limit), duplicates, random order and whitespace, and some are
 * mutated. The parser must agree: the same fields read, or a problem naming the same field (where
 * a known field's value is not even JSON, the parser may name the field or the body). Each seed
 * of {@link Seeds} is a run; a failure names its seed and the body.
 */
class AuthorizationParserPropertyTest
{
    /** Fixed seeds every run tries, before the one random seed of the run. */
    private static final int SEEDS = 6;

    private static final int BODIES = 1_500;
    private static final ObjectMapper JACKSON = new ObjectMapper(RandomJson.REFERENCE);
    private static final Set<String> KNOWN =
        Set.of("merchantId", "orderId", "pan", "expiry", "amount", "currency", "mcc", "capture");
    private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    private final AuthorizationParser parser = new AuthorizationParser();
    private final SwitchCommand command = new SwitchCommand();
    private final FormatProblem problem = new FormatProblem();

    static LongStream seeds()
    {
        return Seeds.stream(SEEDS);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void shouldReadWhatTheReferenceReadsAndNameWhatItNames(final long seed) throws Exception
    {
        final RandomJson json = new RandomJson(new Random(seed));
        int accepted = 0;
        for (int i = 0; i < BODIES; i++)
        {
            final String valid = body(json);
            final String text = json.random().nextInt(5) == 0 ? json.mutate(valid) : valid;
            if (RandomJson.escapesALoneSurrogate(text))
            {
                continue;
            }
            final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            final Expected expected = reference(bytes);
            final ByteBuf body = Unpooled.wrappedBuffer(bytes);
            command.reset();
            problem.clear();
            final boolean parsed = parser.parse(body, command, problem);
            final String at = Seeds.replay(seed) + ", body " + i + ": " + text + "\nexpected " + expected +
                "; parser's problem: " + problem.field + " / " + problem.message;

            assertThat(parsed).as(at).isEqualTo(expected.accepted);
            if (parsed)
            {
                accepted++;
                assertThat(command.merchantId.toString()).as(at).isEqualTo(expected.merchantId);
                assertThat(command.orderId.toString()).as(at).isEqualTo(expected.orderId);
                assertThat(command.pan).as(at).isEqualTo(Pan.parse(expected.pan));
                assertThat(command.panLength).as(at).isEqualTo(expected.pan.length());
                assertThat(command.expiry).as(at).isEqualTo(expected.expiry);
                assertThat(command.amount).as(at).isEqualTo(expected.amount);
                assertThat(command.currency).as(at).isEqualTo(expected.currency);
                assertThat(command.mcc).as(at).isEqualTo(expected.mcc);
                assertThat(command.capture).as(at).isEqualTo(expected.capture);
            }
            else
            {
                assertThat(expected.fields).as(at).contains(problem.field);
                if (expected.tooDeep)
                {
                    assertThat(problem.message).as(at).isEqualTo((problem.field == null ? "body" : problem.field) +
                        ": nested deeper than " + JsonCursor.MAX_DEPTH + " levels");
                }
            }
        }
        assertThat(accepted).as(Seeds.replay(seed) + ": bodies accepted").isGreaterThan(BODIES / 20);
    }

    /** A body: every known field most often with a good value, sometimes a bad one or none, plus unknown fields. */
    private static String body(final RandomJson json)
    {
        final Random random = json.random();
        final List<String> members = new ArrayList<>();
        for (final String field : KNOWN)
        {
            final int pick = random.nextInt(20);
            if (pick == 0)
            {
                continue;
            }
            members.add(member(json, field, pick == 1 ? bad(json, field) : good(json, field)));
            if (random.nextInt(30) == 0)
            {
                members.add(member(json, field, random.nextBoolean() ? good(json, field) : bad(json, field)));
            }
        }
        for (int n = random.nextInt(3); n > 0; n--)
        {
            final String name = random.nextInt(4) == 0 ? "x".repeat(30 + random.nextInt(20)) : json.randomText();
            final String value = random.nextInt(8) == 0 ? json.nested(JsonCursor.MAX_DEPTH - 3 + random.nextInt(6)) :
                json.value(3);
            members.add(json.space() + json.string(name) + json.space() + ":" + json.space() + value + json.space());
        }
        Collections.shuffle(members, random);
        return json.space() + "{" + String.join(",", members) + "}" + json.space();
    }

    private static String member(final RandomJson json, final String field, final String value)
    {
        final String name = json.random().nextInt(10) == 0 ? json.string(field) : "\"" + field + "\"";
        return json.space() + name + json.space() + ":" + json.space() + value + json.space();
    }

    private static String good(final RandomJson json, final String field)
    {
        final Random random = json.random();
        switch (field)
        {
            case "merchantId":
                return json.string(identifier(random, 1 + random.nextInt(15)));
            case "orderId":
                return json.string(identifier(random, 1 + random.nextInt(40)));
            case "pan":
                return json.string(digits(random, 12 + random.nextInt(8)));
            case "expiry":
                return random.nextInt(5) == 0 ? "null" :
                    json.string(String.format("%02d%02d", random.nextInt(100), 1 + random.nextInt(12)));
            case "amount":
                return Long.toString(random.nextLong() >> random.nextInt(64));
            case "currency":
                return json.string(random.nextBoolean() ? "CNY" : random.nextBoolean() ? "USD" : "EUR");
            case "mcc":
                return random.nextInt(5) == 0 ? "null" : json.string(digits(random, 4));
            default:
                return random.nextBoolean() ? "true" : "false";
        }
    }

    private static String bad(final RandomJson json, final String field)
    {
        final Random random = json.random();
        switch (random.nextInt(8))
        {
            case 0:
                return json.string(json.randomText());
            case 1:
                return json.number();
            case 2:
                return "9".repeat(19 + random.nextInt(30));
            case 3:
                return random.nextBoolean() ? "true" : "null";
            case 4:
                return json.value(2);
            case 5:
                return json.string(identifier(random, 16 + random.nextInt(30)));
            case 6:
                return json.string(digits(random, random.nextInt(25)));
            default:
                return random.nextBoolean() ? "\"" + Long.MIN_VALUE + "\"" : Long.toString(Long.MIN_VALUE);
        }
    }

    private static String identifier(final Random random, final int length)
    {
        final StringBuilder id = new StringBuilder();
        for (int i = 0; i < length; i++)
        {
            id.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
        }
        return id.toString();
    }

    private static String digits(final Random random, final int length)
    {
        final StringBuilder digits = new StringBuilder();
        for (int i = 0; i < length; i++)
        {
            digits.append((char)('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    /** What the reference makes of a body. */
    private static final class Expected
    {
        boolean accepted;
        boolean tooDeep;
        /** The fields a problem may name (null: the body). */
        final List<String> fields = new ArrayList<>();
        String merchantId;
        String orderId;
        String pan;
        int expiry = SwitchCommand.NO_EXPIRY;
        long amount;
        boolean amountSeen;
        int currency;
        int mcc = SwitchCommand.NO_MCC;
        boolean capture;

        Expected problem(final String... named)
        {
            fields.addAll(java.util.Arrays.asList(named));
            return this;
        }

        @Override
        public String toString()
        {
            return accepted ? "accepted" : "a problem naming one of " + fields + (tooDeep ? " (too deep)" : "");
        }
    }

    /** Jackson reads the body member by member; the contract's rules say what each makes. */
    private static Expected reference(final byte[] body) throws Exception
    {
        final Expected expected = new Expected();
        try (JsonParser json = RandomJson.REFERENCE.createParser(body))
        {
            if (json.nextToken() != JsonToken.START_OBJECT)
            {
                return expected.problem((String)null);
            }
            JsonToken token;
            while ((token = nextMember(json)) == JsonToken.FIELD_NAME)
            {
                final String name = json.currentName();
                final boolean known = KNOWN.contains(name);
                final JsonNode value;
                try
                {
                    json.nextToken();
                    value = JACKSON.readTree(json);
                }
                catch (final StreamConstraintsException e)
                {
                    if (known)
                    {
                        return expected.problem(name, null);
                    }
                    expected.tooDeep = true;
                    return expected.problem(plain(name) ? name : null);
                }
                catch (final JsonProcessingException e)
                {
                    return known ? expected.problem(name, null) : expected.problem((String)null);
                }
                if (known && !apply(expected, name, value))
                {
                    return expected.problem(name);
                }
            }
            if (token != JsonToken.END_OBJECT || json.nextToken() != null)
            {
                return expected.problem((String)null);
            }
        }
        catch (final MemberProblem e)
        {
            final boolean known = e.name != null && KNOWN.contains(e.name);
            return known ? expected.problem(e.name, null) : expected.problem((String)null);
        }
        catch (final JsonProcessingException e)
        {
            return expected.problem((String)null);
        }
        return required(expected, body);
    }

    /**
     * The next member's name, or the object's end. Jackson reads a scalar value's first token with
     * its name: a value that is no JSON fails here, and is the named field's fault.
     */
    private static JsonToken nextMember(final JsonParser json) throws MemberProblem
    {
        try
        {
            return json.nextToken();
        }
        catch (final JsonProcessingException e)
        {
            throw new MemberProblem(json.getParsingContext().getCurrentName());
        }
        catch (final java.io.IOException e)
        {
            throw new IllegalStateException("reading bytes in memory", e);
        }
    }

    /** A member whose value is no JSON, found while reading its name. */
    private static final class MemberProblem extends Exception
    {
        private static final long serialVersionUID = 1L;
        final String name;

        MemberProblem(final String name)
        {
            super(name, null, false, false);
            this.name = name;
        }
    }

    /** The required fields, in the order the parser names them; a raw NUL anywhere is no JSON. */
    private static Expected required(final Expected expected, final byte[] body)
    {
        for (final byte b : body)
        {
            if (b == 0)
            {
                return expected.problem((String)null);
            }
        }
        if (expected.merchantId == null)
        {
            return expected.problem("merchantId");
        }
        if (expected.orderId == null)
        {
            return expected.problem("orderId");
        }
        if (expected.pan == null)
        {
            return expected.problem("pan");
        }
        if (!expected.amountSeen)
        {
            return expected.problem("amount");
        }
        if (expected.currency <= 0)
        {
            return expected.problem("currency");
        }
        expected.accepted = true;
        return expected;
    }

    /** docs/api.md section 3: false when the value is of the wrong type or shape for the field. */
    private static boolean apply(final Expected expected, final String field, final JsonNode value)
    {
        final String text = value.isTextual() ? value.textValue() : null;
        switch (field)
        {
            case "merchantId":
                expected.merchantId = text != null && text.matches("[A-Za-z0-9_-]{1,15}") ? text : null;
                return expected.merchantId != null;
            case "orderId":
                expected.orderId = text != null && text.matches("[A-Za-z0-9_-]{1,40}") ? text : null;
                return expected.orderId != null;
            case "pan":
                expected.pan = text != null && text.matches("[0-9]{12,19}") ? text : null;
                return expected.pan != null;
            case "expiry":
                if (value.isNull())
                {
                    expected.expiry = SwitchCommand.NO_EXPIRY;
                    return true;
                }
                if (text == null || !text.matches("[0-9]{4}") || !ZoneCalendar.isValidExpiry(Integer.parseInt(text)))
                {
                    return false;
                }
                expected.expiry = Integer.parseInt(text);
                return true;
            case "amount":
                if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() == Long.MIN_VALUE)
                {
                    return false;
                }
                expected.amount = value.longValue();
                expected.amountSeen = true;
                return true;
            case "currency":
                expected.currency = text == null ? Currencies.UNKNOWN : Currencies.numericOf(text);
                return expected.currency > 0;
            case "mcc":
                if (value.isNull())
                {
                    expected.mcc = SwitchCommand.NO_MCC;
                    return true;
                }
                if (text == null || !text.matches("[0-9]{4}"))
                {
                    return false;
                }
                expected.mcc = Integer.parseInt(text);
                return true;
            default:
                if (!value.isBoolean())
                {
                    return false;
                }
                expected.capture = value.booleanValue();
                return true;
        }
    }

    private static boolean plain(final String name)
    {
        return name.matches("[A-Za-z0-9_-]{1,40}");
    }
}
