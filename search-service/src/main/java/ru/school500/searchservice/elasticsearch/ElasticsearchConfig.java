package ru.school500.searchservice.elasticsearch;

import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Elasticsearch Java API client 8.19, defined here because Spring Boot 4's auto-configuration is
 * built for the 9.x client. JSON goes through the application's Jackson 3 mapper.
 */
@Configuration(proxyBeanMethods = false)
class ElasticsearchConfig {

    @Bean(destroyMethod = "close")
    RestClient elasticsearchRestClient(ElasticsearchProperties properties) {
        return RestClient.builder(HttpHost.create(properties.url().toString()))
                .setRequestConfigCallback(config -> config
                        .setConnectTimeout((int) properties.connectTimeout().toMillis())
                        .setSocketTimeout((int) properties.socketTimeout().toMillis()))
                .build();
    }

    @Bean
    ElasticsearchClient elasticsearchClient(RestClient restClient, JsonMapper jsonMapper) {
        return new ElasticsearchClient(new RestClientTransport(restClient, new Jackson3JsonpMapper(jsonMapper)));
    }
}
