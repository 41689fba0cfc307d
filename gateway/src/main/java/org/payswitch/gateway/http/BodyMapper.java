package org.payswitch.gateway.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.payswitch.gateway.json.JsonCursor;
import org.payswitch.gateway.json.JsonException;

/**
 * Maps the cold-path bodies (operator calls, capture, refund; docs/api.md section 3) onto records
 * with Jackson, as strictly as the hot path's own parser reads an authorization: money and limits
 * are JSON integers within a {@code long} (no fraction, exponent or quoted number), strings are
 * strings and booleans booleans (no coercion), fields it does not know are skipped, a later
 * duplicate of a field wins, and nesting deeper than {@value JsonCursor#MAX_DEPTH} is refused.
 * An empty body is an empty object. No value is built further than the mapping needs, so a
 * number of any length costs the time to scan it ({@link #value}).
 *
 * <p>Every problem is a {@link JsonException} whose field comes from where Jackson found it: the
 * parser's context for a body nested too deeply (the top-level field, when its name is plain),
 * the mapping's path for a value of the wrong type ({@code discount.amount}; inside an array, the
 * array's field; a polymorphic object without a known type, its {@code .type}). The message is the
 * field and what it must be, from the body's own table.
 */
final class BodyMapper
{
    /** The "field" of a problem with the body as a whole, which the error answer leaves out. */
    private static final String BODY = "body";
    /** A top-level key is named in an error only when it is this short and plain (docs/api.md section 7). */
    private static final int MAX_NAMED_FIELD = 40;
    /** What a value of a field missing from a body's table must be. */
    private static final String OTHER = "a value of another type";
    /** The property that names a polymorphic body's type (a campaign's discount). */
    private static final String TYPE = "type";
    /**
     * Reaches past anything a body may hold (at most {@link HttpServerInitializer#MAX_BODY} bytes),
     * so that only the nesting limit of Jackson's read constraints can stop a body.
     */
    private static final int BEYOND_ANY_BODY = HttpServerInitializer.MAX_BODY + 1;

    /** Characters of the longest integer text a {@code long} can hold: a sign and 19 digits. */
    private static final int MAX_LONG_CHARS = 20;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Stands for any integer beyond a {@code long}. */
    private static final JsonNode BEYOND_LONG = NODES.numberNode(BigInteger.TEN.pow(MAX_LONG_CHARS));
    /** Stands for any number with a fraction or an exponent. */
    private static final JsonNode A_FRACTION = NODES.numberNode(0.5);
    private static final ObjectMapper MAPPER = mapper();
    private static final byte[] EMPTY_OBJECT = {'{', '}'};

    private BodyMapper()
    {
    }

    private static ObjectMapper mapper()
    {
        final JsonFactory factory = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(JsonCursor.MAX_DEPTH)
                .maxNumberLength(BEYOND_ANY_BODY)
                .maxNameLength(BEYOND_ANY_BODY)
                .maxStringLength(BEYOND_ANY_BODY)
                .build())
            .build();
        final ObjectMapper mapper = JsonMapper.builder(factory)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();
        mapper.coercionConfigFor(LogicalType.Textual)
            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Collection)
            .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        return mapper;
    }

    /**
     * Maps an empty body onto each of {@code types} once, so the mapper, the parser and each type's
     * deserializer are built and loaded at start-up rather than in the first request that needs them.
     * Measured on a switch just started: the first capture took 274 ms on its I/O thread, more than
     * max-queue-delay, so the switch shed it (503/91) with its ring empty; after this, 8 ms.
     */
    static void prepare(final Class<?>... types)
    {
        for (final Class<?> type : types)
        {
            try
            {
                read(Unpooled.wrappedBuffer(EMPTY_OBJECT), type, Map.of());
            }
            catch (final JsonException expected)
            {
                // an empty body lacks what some types require: the deserializer was built all the same
            }
        }
    }

    /**
     * The body as a {@code type}. {@code expected} says per field what its value must be (keys are
     * paths without array indexes: {@code discount.tiers.amount}); {@code notNull} names fields
     * that may be left out but not given as null.
     */
    static <T> T read(
        final ByteBuf content, final Class<T> type, final Map<String, String> expected, final String... notNull)
    {
        final ObjectNode body = readObject(content);
        for (final String field : notNull)
        {
            final JsonNode value = body.get(field);
            if (value != null && value.isNull())
            {
                throw problem(field, field, expected);
            }
        }
        try
        {
            return MAPPER.treeToValue(body, type);
        }
        catch (final InvalidTypeIdException e)
        {
            final boolean object = valueAt(body, e.getPath()).isObject();
            final String field = reportedField(e.getPath());
            final String key = pathKey(e.getPath());
            throw object ? problem(field + "." + TYPE, key + "." + TYPE, expected) : problem(field, key, expected);
        }
        catch (final JsonMappingException e)
        {
            throw problem(reportedField(e.getPath()), pathKey(e.getPath()), expected);
        }
        catch (final JsonProcessingException e)
        {
            throw new JsonException("body: malformed JSON");
        }
    }

    /** The body, which must be one JSON object (or nothing at all). */
    static ObjectNode readObject(final ByteBuf content)
    {
        if (!content.isReadable())
        {
            return NODES.objectNode();
        }
        try (JsonParser parser = MAPPER.createParser(ByteBufUtil.getBytes(content)))
        {
            final JsonNode tree;
            try
            {
                tree = parser.nextToken() == null ? null : value(parser);
                if (tree != null && parser.nextToken() != null)
                {
                    throw new JsonException("body: trailing characters after the JSON value");
                }
            }
            catch (final StreamConstraintsException e)
            {
                throw tooDeep(parser.getParsingContext());
            }
            catch (final JsonProcessingException e)
            {
                throw new JsonException("body: malformed JSON");
            }
            if (!(tree instanceof ObjectNode object))
            {
                throw new JsonException("body: a JSON object is required");
            }
            return object;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("reading a body held in memory", e);
        }
    }

    /**
     * The value at the parser's token, as a tree in which no number is parsed further than the
     * mapping needs: an integer longer than any {@code long} becomes one stand-in beyond that
     * range, a number with a fraction or exponent one stand-in fraction (every numeric field is a
     * {@code long}, so both are refused the same way). Jackson's own tree would build a BigInteger
     * of each, in time growing with the square of its digits (88 ms for 65 000 of them). A later
     * duplicate key replaces the earlier. Recursion is bounded by the parser's nesting limit.
     */
    private static JsonNode value(final JsonParser parser) throws IOException
    {
        switch (parser.currentToken())
        {
            case START_OBJECT:
                final ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME)
                {
                    final String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, value(parser));
                }
                return object;
            case START_ARRAY:
                final ArrayNode array = NODES.arrayNode();
                while (parser.nextToken() != JsonToken.END_ARRAY)
                {
                    array.add(value(parser));
                }
                return array;
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                if (parser.getTextLength() > MAX_LONG_CHARS)
                {
                    return BEYOND_LONG;
                }
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ?
                    NODES.numberNode(parser.getBigIntegerValue()) : NODES.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return A_FRACTION;
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            default:
                return NODES.nullNode();
        }
    }

    /** Nested too deeply: names the top-level field holding the deep value, when its name is plain. */
    private static JsonException tooDeep(final JsonStreamContext deepest)
    {
        JsonStreamContext context = deepest;
        while (context.getParent() != null && !context.getParent().inRoot())
        {
            context = context.getParent();
        }
        final String field = context.inObject() ? nameable(context.getCurrentName()) : null;
        return new JsonException((field == null ? BODY : field) + ": nested deeper than " + JsonCursor.MAX_DEPTH +
            " levels", field);
    }

    private static JsonException problem(final String field, final String key, final Map<String, String> expected)
    {
        return new JsonException(field + ": " + expected.getOrDefault(key, OTHER), BODY.equals(field) ? null : field);
    }

    /** The value the mapping's path leads to in {@code body} (a missing node when there is none). */
    private static JsonNode valueAt(final JsonNode body, final List<JsonMappingException.Reference> path)
    {
        JsonNode node = body;
        for (final JsonMappingException.Reference step : path)
        {
            node = step.getFieldName() != null ? node.path(step.getFieldName()) : node.path(step.getIndex());
        }
        return node;
    }

    /** The field an error names: the path's names up to the first array index, joined by dots. */
    private static String reportedField(final List<JsonMappingException.Reference> path)
    {
        final StringBuilder field = new StringBuilder();
        for (final JsonMappingException.Reference step : path)
        {
            if (step.getFieldName() == null)
            {
                break;
            }
            field.append(field.length() == 0 ? "" : ".").append(step.getFieldName());
        }
        return field.length() == 0 ? BODY : field.toString();
    }

    /** The key of the field's expectation: every name of the path, joined by dots, without indexes. */
    private static String pathKey(final List<JsonMappingException.Reference> path)
    {
        final StringBuilder key = new StringBuilder();
        for (final JsonMappingException.Reference step : path)
        {
            if (step.getFieldName() != null)
            {
                key.append(key.length() == 0 ? "" : ".").append(step.getFieldName());
            }
        }
        return key.toString();
    }

    /** The key itself when it is 1..40 characters of [A-Za-z0-9_-] (safe to echo), else null. */
    private static String nameable(final String key)
    {
        if (key == null || key.isEmpty() || key.length() > MAX_NAMED_FIELD)
        {
            return null;
        }
        for (int i = 0; i < key.length(); i++)
        {
            final char c = key.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'))
            {
                return null;
            }
        }
        return key;
    }
}
