package ru.school500.roadmapservice.web;

import java.time.LocalDate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Rejects, while a request body is read, values that no column could store: a string with the NUL character
 * (PostgreSQL text cannot hold U+0000) and a date outside the years 0001–9999 (ISO 8601's four-digit years;
 * {@code +999999999-12-31} parses in Java but fits no database date). The client gets 400 naming the field
 * instead of a database error; nothing is silently altered. Applies to every JSON body of the service, so a new
 * endpoint needs nothing extra.
 */
@Configuration(proxyBeanMethods = false)
class StorableInput {

    static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    static final String NUL_MESSAGE = "недопустимый символ NUL (U+0000)";
    static final String DATE_MESSAGE = "дата вне допустимого диапазона (годы 0001–9999)";

    @Bean
    JacksonModule storableInputModule() {
        SimpleModule module = new SimpleModule("storable-input");
        module.setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
                    BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                return type == String.class || type == LocalDate.class ? new Checked(deserializer) : deserializer;
            }
        });
        return module;
    }

    /** Any string without NUL and any date in 0001–9999 is acceptable. */
    static String problemWith(Object value) {
        if (value instanceof String text && text.indexOf('\u0000') >= 0) {
            return NUL_MESSAGE;
        }
        if (value instanceof LocalDate date && (date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY))) {
            return DATE_MESSAGE;
        }
        return null;
    }

    private static final class Checked extends DelegatingDeserializer {

        Checked(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Checked(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            Object value = super.deserialize(parser, context);
            String problem = problemWith(value);
            if (problem != null) {
                return context.handleWeirdStringValue(value.getClass(), String.valueOf(value), problem);
            }
            return value;
        }
    }
}
