package ru.school500.searchservice.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import ru.school500.searchservice.security.Users;
import ru.school500.searchservice.support.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation of the service's own OpenAPI document (read at test time, so a new endpoint is covered without
 * touching this test), called with a malformed request: path variables that are no identifiers or dates, query
 * parameters of the wrong type or far too long, a body that is not JSON. Each answer is a 4xx problem+json with a
 * Russian detail.
 */
class ErrorShapeIT extends IntegrationTest {

    @Autowired
    JsonMapper json;

    @Test
    void everyOperationAnswersAMalformedRequestWithAProblemInRussian() throws Exception {
        JsonNode api = json.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        List<String> wrong = new ArrayList<>();
        int operations = 0;
        for (var path : api.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                operations++;
                MockHttpServletResponse response = mvc.perform(malformed(path.getKey(),
                        HttpMethod.valueOf(operation.getKey().toUpperCase(Locale.ROOT)), operation.getValue())
                        .with(Users.fedAnalyst())).andReturn().getResponse();
                String body = response.getContentAsString(StandardCharsets.UTF_8);
                boolean problem = response.getStatus() >= 400 && response.getStatus() < 500
                        && response.getContentType() != null
                        && MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(response.getContentType()))
                        && json.readTree(body).path("detail").asString("").matches("(?s).*[а-яА-ЯёЁ].*");
                if (!problem) {
                    wrong.add(operation.getKey() + " " + path.getKey() + " → " + response.getStatus() + " "
                            + response.getContentType() + " " + body);
                }
            }
        }
        assertThat(operations).isGreaterThan(6);
        assertThat(wrong).isEmpty();
    }

    private static MockHttpServletRequestBuilder malformed(String path, HttpMethod method, JsonNode operation) {
        List<Object> pathValues = new ArrayList<>();
        List<String[]> query = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            String in = parameter.path("in").asString();
            String type = parameter.at("/schema/type").asString("string");
            String itemType = parameter.at("/schema/items/type").asString("string");
            String bad = switch (type) {
                case "integer", "number", "boolean" -> "не-число";
                case "array" -> itemType.equals("string") ? "x" : "не-число";
                default -> parameter.at("/schema/format").isMissingNode() ? "x".repeat(5000) : "не-значение";
            };
            // an array parameter gets far more values than any limit allows
            int repeat = type.equals("array") ? 500 : 1;
            if (in.equals("path")) {
                pathValues.add(parameter.at("/schema/format").isMissingNode() ? "x".repeat(300) : "не-значение");
            } else if (in.equals("query")) {
                for (int i = 0; i < repeat; i++) {
                    query.add(new String[] { parameter.path("name").asString(), bad });
                }
            }
        }
        MockHttpServletRequestBuilder request = request(method, path, pathValues.toArray());
        query.forEach(parameter -> request.param(parameter[0], parameter[1]));
        if (operation.has("requestBody")) {
            request.contentType(MediaType.APPLICATION_JSON).content("{\"не закрыт");
        }
        return request;
    }
}
