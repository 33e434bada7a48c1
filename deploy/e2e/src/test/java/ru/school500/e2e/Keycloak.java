package ru.school500.e2e;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/** Tokens from the real Keycloak, obtained as the README tells API users to. */
final class Keycloak {

    static final String URL = "http://127.0.0.1:8180";
    static final String REALM_URL = URL + "/realms/school500";
    static final String TOKEN_URL = REALM_URL + "/protocol/openid-connect/token";

    private Keycloak() {
    }

    static String token(String username) {
        var response = Http.postForm(TOKEN_URL, Map.of("grant_type", "password", "client_id", "school500-cli",
                "username", username, "password", "demo"));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + username + ": " + response.statusCode() + " "
                    + response.body());
        }
        return Http.json(response).get("access_token").asString();
    }

    static JsonNode claims(String token) {
        String payload = token.split("\\.")[1];
        return Http.JSON.readTree(java.util.Base64.getUrlDecoder().decode(payload));
    }
}
