package ru.school500.gateway.ui;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/**
 * Every page of the web UI has its own address; the gateway answers each with the same shell page, whose
 * scripts ({@code /assets/js/}) render the page for the path. {@code /api/**} stays the API.
 */
@Configuration
class PagesConfig {

    /** Pages anyone may open (what they show is decided by the services). */
    static final String[] PUBLIC_PAGES = {"/registry", "/search", "/practices/{id}", "/roadmaps", "/roadmaps/{id}"};

    /** Pages that need a signed-in user (the security chain sends others to the login first). */
    static final String[] SIGNED_IN_PAGES = {"/", "/documents", "/documents/{id}", "/practices", "/practices/new",
            "/practices/{id}/edit", "/roadmaps/import", "/comparison"};

    @Bean
    RouterFunction<ServerResponse> pages(@Value("classpath:/static/index.html") Resource shell) {
        RequestPredicate page = GET(PUBLIC_PAGES[0]);
        for (String path : PUBLIC_PAGES) {
            page = page.or(GET(path));
        }
        for (String path : SIGNED_IN_PAGES) {
            page = page.or(GET(path));
        }
        return RouterFunctions.route(page, request -> html(shell));
    }

    private static Mono<ServerResponse> html(Resource page) {
        return ServerResponse.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").bodyValue(page);
    }
}
