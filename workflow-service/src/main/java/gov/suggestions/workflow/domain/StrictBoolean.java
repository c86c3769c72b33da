package gov.suggestions.workflow.domain;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;

/**
 * A request flag that takes JSON {@code true} or {@code false} only: {@code 2}, {@code "yes"} or {@code "true"} answer
 * 400 naming the field (Jackson would otherwise read any non-zero number as true, so {@code "fulfilled": 2} closed a
 * commitment). Bound to each boolean of a request with {@code @JsonDeserialize(using = StrictBoolean.class)}.
 */
public class StrictBoolean extends JsonDeserializer<Boolean> {

    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_TRUE) {
            return Boolean.TRUE;
        }
        if (token == JsonToken.VALUE_FALSE) {
            return Boolean.FALSE;
        }
        return (Boolean) context.handleUnexpectedToken(Boolean.class, token, parser, "expected true or false, not %s", token);
    }

    /** An absent flag is false. */
    @Override
    public Object getAbsentValue(DeserializationContext context) {
        return Boolean.FALSE;
    }

    @Override
    public Boolean getNullValue(DeserializationContext context) throws com.fasterxml.jackson.databind.JsonMappingException {
        throw com.fasterxml.jackson.databind.exc.MismatchedInputException.from(context.getParser(), Boolean.class,
                "expected true or false, not null");
    }
}
