package ru.school500.searchservice.indexing.feed;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;

import ru.school500.searchservice.indexing.FeedChange;

/**
 * Reads one page of a source's change feed with the service's own client-credentials token (realm role
 * {@code indexer}); the token is fetched and renewed by Spring Security's authorized-client manager.
 */
@Component
class FeedClient {

    private final RestClient http;

    FeedClient(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientService authorizedClients, FeedProperties properties,
            ObjectProvider<ObservationRegistry> observations) {
        var manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, authorizedClients);
        var tokens = new OAuth2ClientHttpRequestInterceptor(manager);
        tokens.setClientRegistrationIdResolver(request -> properties.clientRegistration());
        tokens.setPrincipalResolver(request -> new AnonymousAuthenticationToken("search-indexer",
                properties.clientRegistration(), AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        var requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2)).build());
        requests.setReadTimeout(Duration.ofSeconds(30));
        // observed: each pull is timed as http_client_requests_seconds (client_name = the source's host)
        this.http = RestClient.builder().requestFactory(requests).requestInterceptor(tokens)
                .observationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP)).build();
    }

    FeedPage fetch(URI source, long after, int limit) {
        JsonNode body = http.get()
                .uri(source.resolve("/internal/changes?after=" + after + "&limit=" + limit))
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .body(JsonNode.class);
        if (body == null) {
            throw new IllegalStateException("empty change feed answer from " + source);
        }
        List<FeedChange> changes = new ArrayList<>();
        for (JsonNode change : body.path("changes")) {
            changes.add(new FeedChange(change.path("position").asLong(), change.path("type").asString(),
                    change.path("id").asString(), change.path("version").asLong(),
                    change.path("operation").asString(), change.path("payload")));
        }
        long next = body.path("nextPosition").asLong(after);
        return new FeedPage(changes, Math.max(next, after), body.path("hasMore").asBoolean(false));
    }

    record FeedPage(List<FeedChange> changes, long nextPosition, boolean hasMore) {
    }
}
