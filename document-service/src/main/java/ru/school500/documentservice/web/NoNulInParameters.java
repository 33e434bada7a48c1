package ru.school500.documentservice.web;

import java.util.Map;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * PostgreSQL cannot hold a NUL character in text: a request parameter carrying one (a search string, a
 * filter) is refused as a 400 problem before it reaches a query. JSON bodies are checked by
 * {@link NoNulStrings}, upload form fields by the upload form.
 */
@Configuration
class NoNulInParameters implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String query = request.getQueryString();
        if (query != null && query.toLowerCase(java.util.Locale.ROOT).contains("%00")) {
            request.getParameterMap().forEach((name, values) -> {
                for (String value : values) {
                    if (NoNulStrings.hasNul(name) || NoNulStrings.hasNul(value)) {
                        throw Problems.invalidFields(Map.of(NoNulStrings.hasNul(name) ? "?" : name,
                                NoNulStrings.MESSAGE));
                    }
                }
            });
        }
        return true;
    }
}
