package dev.cinema.kit.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.LocalDate;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Jackson refuses what a client can only have sent by mistake, where its defaults quietly turn it into a value:
 * content after the JSON value ({@code {…}}}, {@code {}{}}), an empty string as a number, date or id (it became
 * null, clearing the field), and an array as a date ({@code []} became null). Found by the malformed-request
 * tests; stored events never use these forms, so reading them is unchanged.
 */
class StrictJsonInput implements Jackson2ObjectMapperBuilderCustomizer {

    @Override
    public void customize(Jackson2ObjectMapperBuilder builder) {
        builder.featuresToEnable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .deserializerByType(LocalDate.class, new IsoLocalDate())
                .postConfigurer(mapper -> mapper.coercionConfigDefaults()
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
    }

    /** Dates as ISO strings only ({@code 2001-02-03}), as the API documents them. */
    private static final class IsoLocalDate extends StdScalarDeserializer<LocalDate> {

        IsoLocalDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.isExpectedStartArrayToken()) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            return LocalDateDeserializer.INSTANCE.deserialize(parser, context);
        }
    }
}
