package cn.juece.support;

import java.util.Map;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

/** Calls the running application over HTTP as one person (HTTP Basic), never throwing on 4xx/5xx. */
public class ApiClient {

    private final RestClient http;

    public ApiClient(int port, String user, String password) {
        this.http = RestClient.builder()
                // Java's own client, without a cookie store: each call signs in by HTTP Basic, as a program would (with
                // httpclient5 on the test class path RestClient would otherwise pick it, and its cookies keep a session)
                .requestFactory(new org.springframework.http.client.JdkClientHttpRequestFactory())
                .baseUrl("http://127.0.0.1:" + port)
                .defaultHeaders(h -> h.setBasicAuth(user, password))
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .build();
    }

    public ResponseEntity<JsonNode> get(String path) {
        return http.get().uri(path).retrieve().toEntity(JsonNode.class);
    }

    public ResponseEntity<JsonNode> post(String path, Object body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    public ResponseEntity<JsonNode> put(String path, Object body) {
        return http.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    public ResponseEntity<JsonNode> upload(String decision, String type, String fileName, byte[] content) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("type", type);
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return http.post().uri("/api/decisions/{n}/materials", decision).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts).retrieve().toEntity(JsonNode.class);
    }

    public ResponseEntity<JsonNode> complete(String taskId, String outcome, String reason) {
        return post("/api/tasks/" + taskId + "/complete", reason == null ? Map.of("outcome", outcome)
                : Map.of("outcome", outcome, "reason", reason));
    }

    /** Any method with a JSON body (or none), the answer as text: for the engine REST and refusals of any shape. */
    public ResponseEntity<String> send(org.springframework.http.HttpMethod method, String path, Object body) {
        var spec = http.method(method).uri(path);
        if (body != null) {
            spec = spec.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return spec.retrieve().toEntity(String.class);
    }

    public RestClient raw() {
        return http;
    }
}
