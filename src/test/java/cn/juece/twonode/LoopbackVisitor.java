package cn.juece.twonode;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.Timeout;

/**
 * A visitor of the public portal connecting to nginx from an address of its own on loopback (127.0.0.0/8 is all
 * loopback on Linux), with its own cookie jar: nginx names that address to the nodes, so each visitor has its own
 * submission budget and the budget is the same whichever node answers.
 */
final class LoopbackVisitor implements AutoCloseable {

    record Answer(int status, String body, String requestId) {
    }

    final String address;
    private final String base;
    private final CloseableHttpClient http;

    LoopbackVisitor(String address, int nginxPort) throws IOException {
        this.address = address;
        this.base = "http://127.0.0.1:" + nginxPort;
        InetAddress local = InetAddress.getByName(address);
        this.http = HttpClients.custom()
                .setDefaultCookieStore(new BasicCookieStore())
                .setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE) {
                    @Override
                    protected InetAddress determineLocalAddress(HttpHost firstHop, HttpContext context) {
                        return local;
                    }
                })
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5))
                                .setSocketTimeout(Timeout.ofSeconds(120)).build()).build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(120)).build())
                .disableAutomaticRetries()
                .build();
    }

    Answer get(String path) throws IOException {
        return send(new HttpGet(base + path));
    }

    Answer postJson(String path, String json, String csrfHeader, String csrfToken) throws IOException {
        return post(base + path, json, csrfHeader, csrfToken);
    }

    /** The same visitor (address, cookies) straight to another port: a node itself rather than nginx. */
    Answer postTo(int port, String path, String json, String csrfHeader, String csrfToken) throws IOException {
        return post("http://127.0.0.1:" + port + path, json, csrfHeader, csrfToken);
    }

    private Answer post(String url, String json, String csrfHeader, String csrfToken) throws IOException {
        var post = new HttpPost(url);
        post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        if (csrfHeader != null) {
            post.setHeader(csrfHeader, csrfToken);
        }
        return send(post);
    }

    private Answer send(ClassicHttpRequest request) throws IOException {
        request.setHeader("Accept", "application/json");
        return http.execute(request, response -> new Answer(response.getCode(),
                response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8),
                Optional.ofNullable(response.getFirstHeader("X-Request-Id")).map(h -> h.getValue()).orElse(null)));
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
