package ru.school500.gateway.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import ru.school500.gateway.GatewayApplication;

/**
 * One gateway application (its own context and random port) on the shared {@link TestRedis}: start two to
 * play two gateway instances, close and start again to play a restart.
 */
public final class GatewayInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;

    private GatewayInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** A gateway routing every service to {@code upstream}, trusting tokens of {@code issuer}. */
    public static GatewayInstance start(TestIssuer issuer, Upstream upstream, Map<String, Object> overrides) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", 0);
        properties.put("spring.data.redis.port", TestRedis.get().port());
        properties.put("platform.keycloak.issuer", issuer.issuer());
        properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer.jwksUri());
        for (String service : List.of("roadmap", "document", "search")) {
            properties.put("platform.services." + service, upstream.url());
        }
        properties.put("logging.structured.format.console", "");
        properties.putAll(overrides);
        List<String> args = new ArrayList<>();
        properties.forEach((name, value) -> args.add("--" + name + "=" + value));
        return new GatewayInstance(new SpringApplication(GatewayApplication.class).run(args.toArray(String[]::new)));
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
