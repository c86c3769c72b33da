package gov.suggestions.workflow.rest;

import java.io.IOException;

import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * The JSON reader of the HTTP API, stricter than the application's mapper (which also reads events,
 * where consumers stay tolerant): enums only by name, no number, boolean or string taken for another
 * type, no fraction truncated to an integer, no duplicate keys, nothing after the document, and no
 * control characters in text (line breaks and tabs stay allowed, NUL never reaches PostgreSQL).
 */
@Provider
public class StrictJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper strict;

    public StrictJson(ObjectMapper application) {
        this.strict = strict(application.copy());
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }

    /** For request bodies the API reads in steps (e.g. an import's rows): the same rules as a whole body. */
    public ObjectMapper mapper() {
        return strict;
    }

    static ObjectMapper strict(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("text-without-control-characters")
                .addDeserializer(String.class, new PlainText())
                .addKeyDeserializer(String.class, new PlainTextKey()));
        return mapper;
    }

    /** The first control character that text may not hold (C0 but tab, line feed and carriage return; DEL; C1), or -1. */
    public static int forbiddenControlCharacter(String text, boolean lineBreaksAllowed) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && !(lineBreaksAllowed && (c == '\t' || c == '\n' || c == '\r')) || c >= 0x7f && c < 0xa0) {
                return i;
            }
        }
        return -1;
    }

    /** Refused text: a {@link InvalidFormatException} so the problem names the field like any other bad value. */
    public static final class ControlCharacterException extends InvalidFormatException {

        private static final long serialVersionUID = 1L;

        ControlCharacterException(JsonParser parser, String text, int at) {
            super(parser, "control character U+%04X at position %d".formatted((int) text.charAt(at), at), null, String.class);
        }
    }

    private static final class PlainText extends StdScalarDeserializer<String> {

        private static final long serialVersionUID = 1L;

        PlainText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            int at = text == null ? -1 : forbiddenControlCharacter(text, true);
            if (at >= 0) {
                throw new ControlCharacterException(parser, text, at);
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    private static final class PlainTextKey extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            int at = forbiddenControlCharacter(key, false);
            if (at >= 0) {
                throw new ControlCharacterException(context.getParser(), key, at);
            }
            return key;
        }
    }
}
