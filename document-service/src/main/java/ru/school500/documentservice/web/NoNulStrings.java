package ru.school500.documentservice.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Every string read from a JSON body is refused when it holds a NUL character, which PostgreSQL cannot
 * store in text: the request fails as a 400 problem naming the field instead of a 500 at commit.
 */
@Configuration
public class NoNulStrings {

    public static final String MESSAGE = "Недопустимый символ NUL (\\u0000)";

    public static boolean hasNul(String value) {
        return value != null && value.indexOf('\u0000') >= 0;
    }

    @Bean
    SimpleModule noNulStringsModule() {
        SimpleModule module = new SimpleModule("no-nul-strings");
        module.addDeserializer(String.class, new Deserializer());
        return module;
    }

    static final class Deserializer extends StdScalarDeserializer<String> {

        Deserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (hasNul(value)) {
                throw context.weirdStringException(value.replace('\u0000', '?'), String.class, MESSAGE);
            }
            return value;
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) {
            return "";
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }
}
