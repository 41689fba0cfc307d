package org.payswitch.tools.operator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the switch's operator API answered to one request: the HTTP status and the body.
 *
 * @param status the HTTP status
 * @param body   the body as text (JSON by docs/api.md section 3)
 * @param retryAfterSeconds the {@code Retry-After} header of a 503, or -1
 */
public record OperatorAnswer(int status, String body, long retryAfterSeconds)
{
    private static final ObjectMapper JSON = new ObjectMapper();

    /** True for a 2xx answer: the request was applied. */
    public boolean applied()
    {
        return status >= 200 && status < 300;
    }

    /** True for the switch's overload answer (503, 91): the same request may be sent again later. */
    boolean overloaded()
    {
        return status == 503;
    }

    /** True when the token was refused: no request of this run can succeed. */
    public boolean unauthorized()
    {
        return status == 401 || status == 403;
    }

    /**
     * Why the request was refused, as the switch says it: the body's {@code error} (it names the
     * field), else its response code, else the status. The switch never echoes a full PAN.
     */
    public String reason()
    {
        try
        {
            final JsonNode node = JSON.readTree(body);
            if (node != null && node.hasNonNull("error"))
            {
                return node.get("error").asText();
            }
            if (node != null && node.hasNonNull("responseCode"))
            {
                return "HTTP " + status + ", response code " + node.get("responseCode").asText();
            }
        }
        catch (final JsonProcessingException notJson)
        {
            return "HTTP " + status;
        }
        return "HTTP " + status;
    }
}
