package ru.school500.documentservice.document;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.jayway.jsonpath.JsonPath;

/** Upload helpers over MockMvc with a raw multipart body (so the service parses a real stream). */
public final class Uploads {

    private Uploads() {
    }

    public static ResultActions upload(MockMvc mvc, RequestPostProcessor user, MultipartBody body) throws Exception {
        return mvc.perform(post("/api/documents").with(user).contentType(body.contentType()).content(body.bytes()));
    }

    public static MultipartBody material(String title, String fileName, byte[] content) {
        return MultipartBody.create().field("type", "SCHOOL_MATERIAL").field("title", title)
                .field("kind", "DEVELOPMENT_PROGRAM").file(fileName, content);
    }

    public static MultipartBody order(String number, String fileName, byte[] content) {
        return MultipartBody.create().field("type", "ORDER").field("title", "Распоряжение № " + number)
                .field("orderNumber", number).field("orderDate", "2022-02-01")
                .field("authority", "Министерство образования Кировской области").file(fileName, content);
    }

    public static String json(MvcResult result, String path) throws java.io.UnsupportedEncodingException {
        return String.valueOf((Object) JsonPath.read(result.getResponse().getContentAsString(StandardCharsets.UTF_8),
                path));
    }
}
