package ru.school500.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;

/**
 * A browser's access and refresh tokens live in its session, which Spring Session keeps in Redis. Boot's
 * default repository keeps them in this JVM's memory instead: after a restart, or on another gateway
 * instance, the session would still say "signed in" while {@code TokenRelay} had no token to send.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizedClientsInSession {

    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }
}
