package ru.school500.gateway.ui;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The two pages of the web UI: the signed-in application and the public registry search. */
@Configuration
class PagesConfig {

    @Bean
    RouterFunction<ServerResponse> pages(@Value("classpath:/static/index.html") Resource app,
            @Value("classpath:/static/registry.html") Resource registry) {
        return RouterFunctions.route(GET("/"), request -> html(app))
                .andRoute(GET("/registry"), request -> html(registry));
    }

    private static reactor.core.publisher.Mono<ServerResponse> html(Resource page) {
        return ServerResponse.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").bodyValue(page);
    }
}
