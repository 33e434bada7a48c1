package ru.school500.roadmapservice.roadmap.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * A small local HTTP server standing in for document-service: it records every request (method, path,
 * headers, multipart parts) and answers {@code POST /api/documents} like document-service does — 201 with the
 * stored document (id, version, sha256, …) — or with the problem+json it is told to; {@code DELETE
 * /api/documents/{id}} answers 200. The real document-service is covered by the end-to-end tests.
 */
final class DocumentServiceStub implements AutoCloseable {

    /** One request as received; {@code headers} by lower-case name. */
    record Received(String method, String path, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The multipart/form-data parts by field name. */
        Map<String, Part> parts() {
            Matcher boundary = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(header("Content-Type"));
            if (!boundary.find()) {
                throw new IllegalStateException("not multipart: " + header("Content-Type"));
            }
            String raw = new String(body, StandardCharsets.ISO_8859_1);
            Map<String, Part> parts = new LinkedHashMap<>();
            for (String chunk : raw.split("--" + Pattern.quote(boundary.group(1)))) {
                int split = chunk.indexOf("\r\n\r\n");
                if (split < 0) {
                    continue;
                }
                String head = new String(chunk.substring(0, split).getBytes(StandardCharsets.ISO_8859_1),
                        StandardCharsets.UTF_8);
                String content = chunk.substring(split + 4, chunk.length() - 2); // the CRLF before the boundary
                Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(head);
                Matcher fileName = Pattern.compile("filename=\"([^\"]*)\"").matcher(head);
                Matcher type = Pattern.compile("(?i)content-type:\\s*(\\S+)").matcher(head);
                if (name.find()) {
                    parts.put(name.group(1), new Part(fileName.find() ? fileName.group(1) : null,
                            type.find() ? type.group(1) : null, content.getBytes(StandardCharsets.ISO_8859_1)));
                }
            }
            return parts;
        }
    }

    record Part(String fileName, String contentType, byte[] content) {

        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> storedIds = new CopyOnWriteArrayList<>();
    private volatile int uploadStatus = 201;
    private volatile String uploadDetail;

    private DocumentServiceStub(HttpServer server) {
        this.server = server;
    }

    static DocumentServiceStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            DocumentServiceStub stub = new DocumentServiceStub(server);
            server.createContext("/api/documents", stub::handle);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Uploads are answered with this status and a problem+json carrying {@code detail} from now on. */
    void answerUploadsWith(int status, String detail) {
        this.uploadStatus = status;
        this.uploadDetail = detail;
    }

    /** Forgets the requests and answers uploads with 201 again. */
    void reset() {
        received.clear();
        storedIds.clear();
        answerUploadsWith(201, null);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Ids of the documents this stub answered as stored, in order. */
    List<String> storedIds() {
        return List.copyOf(storedIds);
    }

    List<Received> uploads() {
        return received.stream().filter(r -> r.method().equals("POST") && r.path().equals("/api/documents")).toList();
    }

    List<Received> deletes() {
        return received.stream().filter(r -> r.method().equals("DELETE")).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
        Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body);
        received.add(request);
        if (request.method().equals("POST") && request.path().equals("/api/documents")) {
            if (uploadStatus != 201) {
                respond(exchange, uploadStatus, "application/problem+json", Map.of("title", "Ошибка", "status",
                        uploadStatus, "detail", uploadDetail == null ? "" : uploadDetail));
                return;
            }
            Map<String, Object> stored = stored(request);
            storedIds.add((String) stored.get("id"));
            respond(exchange, 201, "application/json", stored);
        } else if (request.method().equals("DELETE") && request.path().startsWith("/api/documents/")) {
            respond(exchange, 200, "application/json", Map.of("id", request.path().substring(15), "deleted", true));
        } else {
            respond(exchange, 404, "application/problem+json", Map.of("status", 404, "detail", "Нет такого адреса"));
        }
    }

    /** What document-service answers to an upload: the document's metadata at top level. */
    private static Map<String, Object> stored(Received request) {
        Map<String, Part> parts = request.parts();
        Part file = parts.get("file");
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("id", UUID.randomUUID().toString());
        document.put("type", parts.get("type").text());
        document.put("title", parts.get("title").text());
        document.put("region", parts.get("region") == null ? null : parts.get("region").text());
        document.put("order", Map.of("number", parts.containsKey("orderNumber") ? parts.get("orderNumber").text() : ""));
        document.put("version", 1);
        document.put("fileName", file.fileName());
        document.put("contentType", file.contentType());
        document.put("size", file.content().length);
        document.put("sha256", sha256(file.content()));
        document.put("extractionStatus", "PENDING");
        document.put("revision", 1);
        document.put("deleted", false);
        return document;
    }

    private static void respond(HttpExchange exchange, int status, String type, Map<String, Object> body)
            throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
